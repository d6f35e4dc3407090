//! The line editor behind `PyOS_Readline` on a terminal: cursor keys, Emacs-style editing
//! keys and a history of the session's lines (up/down, Ctrl-R), through the `rustyline`
//! crate. Ctrl-C gives NULL (PyOS_Readline turns it into KeyboardInterrupt), Ctrl-D on an
//! empty line gives "" (end of input), as CPython's readline module does.
use core::ffi::{c_char, CStr};
use std::sync::Mutex;

use rustyline::error::ReadlineError;
use rustyline::DefaultEditor;

/// One editor per process, so the history spans the session.
static EDITOR: Mutex<Option<DefaultEditor>> = Mutex::new(None);

/// A `ReadlineFunction`: called by `PyOS_Readline` without the GIL.
pub(crate) unsafe extern "C" fn edit_line(sys_stdin: *mut libc::FILE, sys_stdout: *mut libc::FILE, prompt: *const c_char) -> *mut c_char {
    let prompt_text = if prompt.is_null() { String::new() } else { CStr::from_ptr(prompt).to_string_lossy().into_owned() };
    // What the program printed so far must be on the screen before the editor draws.
    libc::fflush(core::ptr::null_mut());
    let mut guard = match EDITOR.lock() {
        Ok(g) => g,
        Err(poisoned) => poisoned.into_inner(),
    };
    if guard.is_none() {
        match DefaultEditor::new() {
            Ok(e) => *guard = Some(e),
            Err(_) => return crate::runtime::readline::stdio_readline(sys_stdin, sys_stdout, prompt),
        }
    }
    let Some(editor) = guard.as_mut() else { return core::ptr::null_mut() };
    match editor.readline(&prompt_text) {
        Ok(line) => {
            if !line.trim().is_empty() {
                let _ = editor.add_history_entry(line.as_str());
            }
            let mut bytes = line.into_bytes();
            bytes.push(b'\n');
            crate::runtime::readline::raw_c_string(&bytes)
        }
        Err(ReadlineError::Interrupted) => core::ptr::null_mut(),
        Err(ReadlineError::Eof) => crate::runtime::readline::raw_c_string(b""),
        Err(_) => {
            drop(guard);
            crate::runtime::readline::stdio_readline(sys_stdin, sys_stdout, prompt)
        }
    }
}
