/* macOS universal-build settings in CPython; nothing to set on Linux. */
#ifndef PYMACCONFIG_H
#define PYMACCONFIG_H
#endif
