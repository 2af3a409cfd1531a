package graphviz

import "context"

// What the tests in package graphviz_test, which lay out the DOT render
// writes, see of this package's insides.

// LargeDOT is largeDOT: whether a layout that may be stopped goes to a
// layout server.
var LargeDOT = largeDOT

// LayoutCount is how many layouts this process's Graphviz has made. It
// waits for a layout running in it, an abandoned one too.
func LayoutCount() int {
	wasmMu.Lock()
	defer wasmMu.Unlock()
	return wasmLayouts
}

// Abandoned reports whether a stopped layout still runs in this process's
// Graphviz (see AbandonOnTimeout).
func Abandoned() bool { return abandoned.Load() }

// ServerStarted reports whether p has layout servers in use and, if so,
// whether the one it takes has been started.
func (p *Pool) ServerStarted(ctx context.Context) (inUse, started bool) {
	s, free, _ := p.take(ctx, true)
	if s == nil {
		return false, false
	}
	free <- s
	return true, s.srv != nil
}

// RenderInWorker lays out dot in a fresh worker process.
func RenderInWorker(ctx context.Context, g *Graphviz, dot []byte, engine string, formats ...string) ([][]byte, error) {
	return g.renderInWorker(ctx, dot, engine, formats, 0, 0)
}

// MemoryCaptured reports whether Graphviz's starting memory was recorded,
// so that every layout starts from it (wasmreset.go).
func MemoryCaptured() bool { return freshState != nil }

// MemorySize is the WebAssembly memory's size now and at the start.
func MemorySize() (size, start uint32) {
	wasmMu.Lock()
	defer wasmMu.Unlock()
	return freshState.mem.Size(), uint32(len(freshState.snap))
}

// MemoryBase is the address of the memory's first byte, nil if unreadable.
func MemoryBase() *byte {
	b, ok := graphvizModule.mod.Memory().Read(0, 1)
	if !ok {
		return nil
	}
	return &b[0]
}

// MemoryReserved is the capacity of the memory's Go slice and the room it
// should have (wasmReserve).
func MemoryReserved() (capacity, want int) {
	return cap(freshState.buf.Bytes()), wasmReserve
}
