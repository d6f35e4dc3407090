//! Frames, the eval loop and calls.
pub mod ceval;
pub mod frame;
pub mod traceback;
pub mod recursion;
