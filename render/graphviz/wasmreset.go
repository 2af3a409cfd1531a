package graphviz

import (
	"fmt"
	"reflect"

	"github.com/tetratelabs/wazero/api"
)

// Graphviz's fdp engine lays out a graph with clusters differently once
// Graphviz has laid out another graph in the same process (seen with
// Graphviz 12 in go-graphviz: the first layout of a process is always the
// same, a later one of the same graph can differ). The cause is state that
// outlives a layout inside the WebAssembly module — the heap's free lists
// and statics — not the input. So before every layout the module's memory
// is put back exactly as it was when Graphviz had just started: the same
// bytes and the same size. Every layout then runs as the first one of a
// fresh process would, for every engine, without starting one.
//
// A WebAssembly memory cannot shrink, and the C allocator (dlmalloc over
// sbrk) takes the memory's current size as the end of the heap, so merely
// rewriting the bytes would leave a grown heap unused and grow it again on
// every layout. wasmReset also gives the memory back its starting size:
// wazero keeps the memory in a Go slice, which wasmReset shortens to one page
// less than the start and then grows by that page through wazero's own
// Grow, so the compiled code learns the new bound as it does after any
// memory.grow. The pages past the start are zeroed first, as a grown
// WebAssembly memory must be.

// wasmPage is the size of a WebAssembly memory page.
const wasmPage = 1 << 16

// wasmState is the module's memory as it was when Graphviz had started.
type wasmState struct {
	mem  api.Memory
	buf  reflect.Value // wazero's MemoryInstance.Buffer
	snap []byte
}

// captureWasmState records the memory's contents. It fails when this wazero
// keeps its memory in a form wasmReset cannot shrink; callers then fall
// back to worker processes.
func captureWasmState(mem api.Memory) (*wasmState, error) {
	if mem == nil {
		return nil, fmt.Errorf("the Graphviz module has no memory")
	}
	v := reflect.ValueOf(mem)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return nil, fmt.Errorf("wazero memory is a %T", mem)
	}
	s := v.Elem()
	buf := s.FieldByName("Buffer")
	shared := s.FieldByName("Shared")
	exp := s.FieldByName("expBuffer")
	switch {
	case !buf.IsValid() || buf.Type() != reflect.TypeFor[[]byte]() || !buf.CanSet():
		return nil, fmt.Errorf("wazero memory %T has no settable Buffer", mem)
	case !shared.IsValid() || shared.Kind() != reflect.Bool || shared.Bool():
		return nil, fmt.Errorf("wazero memory is shared")
	case exp.IsValid() && !exp.IsNil():
		return nil, fmt.Errorf("wazero memory has a custom allocator")
	}
	size := mem.Size()
	if size < wasmPage || size%wasmPage != 0 {
		return nil, fmt.Errorf("wazero memory of %d bytes", size)
	}
	b, ok := mem.Read(0, size)
	if !ok {
		return nil, fmt.Errorf("cannot read the Graphviz module's memory")
	}
	w := &wasmState{mem: mem, buf: buf, snap: append([]byte(nil), b...)}
	w.reserve()
	return w, nil
}

// wasmReserve is the room the memory's Go slice is given up front.
const wasmReserve = 128 << 20

// reserve gives the memory's slice room to grow into: wazero grows it by
// append, page by page as Graphviz's allocator asks, and each time the
// slice outgrows its array the whole memory is copied to a larger one —
// a tenth of a second of a 1,000-entity layout, with the page faults of
// every copy. The array is reserved once, untouched (the operating system
// supplies its pages only when written), and the memory moved into it the
// way restore sizes it: shortened by a page, then grown through wazero's
// Grow, which tells the compiled code where the memory now is.
func (w *wasmState) reserve() {
	size := len(w.snap)
	cur := w.buf.Bytes()
	if cap(cur) >= wasmReserve || size <= wasmPage {
		return
	}
	moved := make([]byte, size-wasmPage, wasmReserve)
	copy(moved, cur)
	w.buf.Set(reflect.ValueOf(moved))
	if _, ok := w.mem.Grow(1); !ok || int(w.mem.Size()) != size {
		// Cannot happen with the wazero this was written for; the old
		// array, which the compiled code still points at, stays in use.
		w.buf.Set(reflect.ValueOf(cur))
		return
	}
	w.mem.Write(0, w.snap)
}

// restore puts the memory back as captured: same size, same bytes.
func (w *wasmState) restore() error {
	start := uint32(len(w.snap))
	if size := w.mem.Size(); size > start {
		cur := w.buf.Bytes()
		clear(cur[start:size])
		w.buf.SetLen(int(start - wasmPage))
		if _, ok := w.mem.Grow(1); !ok || w.mem.Size() != start {
			return fmt.Errorf("graphviz: cannot reset the WebAssembly memory (size %d, want %d)", w.mem.Size(), start)
		}
	}
	if !w.mem.Write(0, w.snap) {
		return fmt.Errorf("graphviz: cannot reset the WebAssembly memory")
	}
	return nil
}
