package render

import (
	"errors"
	"fmt"
)

// A font file that parses can still make the font libraries panic later,
// when a glyph is shaped, drawn or subset (a glyph's outline pointing past
// its table, say). dipgraph never lets such a font crash a command: every
// call into the libraries for a font other than the built-in one goes
// through guard, which on a panic marks the font broken and panics again
// with a *fontFault; the painters (PNG, PDF) catch it and paint the figure
// again without that font (paintWithout), each character it gave now
// coming from the next font that has it, else the built-in one. Each
// font skipped is named in a warning.

// maxFontFaults bounds the repaints: each takes one more font out.
const maxFontFaults = 8

// A fontFault is a panic of the font libraries on a font.
type fontFault struct {
	face  *fontFace
	what  string // "shaping text", "drawing a glyph", …
	value any    // what the library panicked with
	// subset: the PDF subsetter failed; the font is not broken, but its
	// glyphs are embedded as outlines (Type 3) from then on.
	subset bool
}

func (e *fontFault) Error() string {
	if e.subset {
		return fmt.Sprintf("%s: the font library failed %s (%v): its glyphs are embedded as outlines (Type 3) instead", e.face.source(), e.what, e.value)
	}
	return fmt.Sprintf("%s: skipped: the font library failed %s in it (%v), so the font is broken; the figure uses the next font that has its characters, else the built-in one", e.face.source(), e.what, e.value)
}

// guard runs fn, a call into the font libraries for f. For a font other
// than the built-in one, a panic marks f broken and panics again with a
// *fontFault.
func (f *fontFace) guard(what string, fn func()) {
	if f.builtin {
		fn()
		return
	}
	defer func() {
		if r := recover(); r != nil {
			if ff, ok := r.(*fontFault); ok {
				panic(ff)
			}
			f.broken.Store(true)
			panic(&fontFault{face: f, what: what, value: r})
		}
	}()
	fn()
}

// usable reports whether f can be used: not nil and not found broken.
func (f *fontFace) usable() bool { return f != nil && !f.broken.Load() }

// source names where f came from, for messages.
func (f *fontFace) source() string {
	switch {
	case f.builtin:
		return "the built-in font " + f.name
	case f.flag != "":
		return fmt.Sprintf("%s %s (%s)", f.flag, f.path, f.name)
	}
	return fmt.Sprintf("font %s (%s)", f.path, f.name)
}

// paintWithout runs paint, which paints a whole figure from the start,
// again after each font fault, with the faulty font now left out, and
// notes the fault for the figure's warnings. Other panics are painting
// failures (catch); so is a fault after maxFontFaults repaints.
func (fonts *Fonts) paintWithout(paint func() error) error {
	for range maxFontFaults {
		err := paint()
		var ff *fontFault
		if !errors.As(err, &ff) {
			return err
		}
		fonts.note(ff.Error())
	}
	return fmt.Errorf("painting failed: %d fonts in a row made the font library fail; name fewer fonts with --font or --font-dir", maxFontFaults)
}

// note records a warning about the fonts, once.
func (fonts *Fonts) note(msg string) {
	fonts.notesMu.Lock()
	defer fonts.notesMu.Unlock()
	for _, m := range fonts.notes {
		if m == msg {
			return
		}
	}
	fonts.notes = append(fonts.notes, msg)
}

// warnFonts gives o.Warn every warning about the fonts: those skipped
// when loaded and those found broken since. Each figure painted with the
// fonts repeats them, since each is drawn without the fonts they name.
func warnFonts(o PaintOptions, fonts *Fonts) {
	if o.Warn == nil {
		return
	}
	fonts.notesMu.Lock()
	notes := append([]string(nil), fonts.notes...)
	fonts.notesMu.Unlock()
	for _, m := range notes {
		o.Warn(m)
	}
}
