package render

import "fmt"

// A FlagError is an option given wrong, worded for the command line: the
// message names the flag, as "--layout "x": choose one of …" does, and
// Flags names it for a caller that must tell which (build blames the
// manifest setting of that name). The checks of Options, PaintOptions,
// Overlay and the fonts return one.
type FlagError struct {
	// Flags are the flags the message names, without their dashes: the
	// one at fault first, then any it conflicts with.
	Flags []string
	// FormatOnly marks an option that does not apply to the output's
	// format (--dpi for an SVG): it could be right for another output.
	FormatOnly bool
	Err        error
}

func (e *FlagError) Error() string { return e.Err.Error() }

func (e *FlagError) Unwrap() error { return e.Err }

// flagErrorf is a FlagError about one flag, its message formatted as
// fmt.Errorf formats it.
func flagErrorf(flag, format string, args ...any) *FlagError {
	return &FlagError{Flags: []string{flag}, Err: fmt.Errorf(format, args...)}
}
