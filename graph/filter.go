package graph

import (
	"fmt"
	"slices"
)

// Filter selects what a figure shows. The zero Filter keeps everything.
type Filter struct {
	// Types keeps only records of these type ids (empty: all types).
	Types []string
	// From and To keep records whose dates overlap the period
	// [From, To]; either may be zero for an open end.
	From, To Date
	// AsOf keeps the relations in force on that date: periods that had
	// begun and not ended, and events within the Window before it.
	AsOf Date
	// Window is the look-back for events under AsOf (see Window.Start).
	Window Window
	// Focus keeps only entities within Depth relations of this entity id.
	Focus string
	Depth int
	// MinWeight drops aggregated edges lighter than this.
	MinWeight float64
}

// Check reports contradictions inside the filter itself.
func (f *Filter) Check(d *Dataset) error {
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
		return fmt.Errorf("--from %s is after --to %s: swap them", f.From, f.To)
	}
	if f.Window.Years < 0 || f.Window.Months < 0 || f.Window.Days < 0 {
		return fmt.Errorf("--window %s is negative: give a look-back of 0 or more, e.g. --window 2y", f.Window)
	}
	if f.Depth < 0 {
		return fmt.Errorf("--depth %d is negative: give 0 or more", f.Depth)
	}
	if f.Focus != "" {
		if _, ok := d.Entity(f.Focus); !ok {
			return fmt.Errorf("--focus %q: no such entity%s", f.Focus, Suggest(f.Focus, d.EntityIDs()))
		}
	}
	for _, t := range f.Types {
		if _, ok := d.Type(t); !ok {
			return fmt.Errorf("--types: unknown relation type %q%s", t, Suggest(t, d.TypeIDs()))
		}
	}
	return nil
}

// keeps reports whether the record passes the type and date filters;
// event says whether it is read as an event (Dataset.EventLike).
func (f *Filter) keeps(r *Record, event bool) bool {
	if len(f.Types) > 0 && !slices.Contains(f.Types, r.Type) {
		return false
	}
	start := r.Start.First()
	end, open := r.End.Last(), r.Ongoing
	if r.IsEvent() {
		end = r.Start.Last()
	}
	if !f.From.IsZero() && !open && end.Before(f.From.First()) {
		return false
	}
	if !f.To.IsZero() && f.To.Last().Before(start) {
		return false
	}
	if !f.AsOf.IsZero() {
		day := f.AsOf.Last()
		if day.Before(start) {
			return false
		}
		if event {
			// Counted from its last day: a three-day summit shapes the
			// relation for the window after it ended.
			return !end.Before(f.Window.Start(day))
		}
		if !open && end.Before(day) {
			return false
		}
	}
	return true
}

// EntityIDs returns the ids of every entity, in file order.
func (d *Dataset) EntityIDs() []string {
	ids := make([]string, len(d.Entities))
	for i, e := range d.Entities {
		ids[i] = e.ID
	}
	return ids
}

// TypeIDs returns the ids of every declared and built-in type.
func (d *Dataset) TypeIDs() []string {
	var ids []string
	for _, t := range d.Types {
		ids = append(ids, t.ID)
	}
	for _, t := range builtinTypes {
		if !slices.Contains(ids, t.ID) {
			ids = append(ids, t.ID)
		}
	}
	return ids
}
