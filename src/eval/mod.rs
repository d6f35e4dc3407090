//! Frames, the eval loop and calls.
