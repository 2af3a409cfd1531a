package graphviz

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Layout servers: workers (worker.go) that stay, laying out one graph after
// another, so that a build of large figures uses both cores. A process's
// Graphviz in WebAssembly runs one layout at a time, and a large layout
// that may have to be stopped runs in a worker process, at about 0.1 s to
// start each; a server starts once, when a build first has such a layout,
// and lays out exactly as this process would: every layout starts from Graphviz's starting memory
// (wasmreset.go). A server past its time is killed, like a worker, and the
// next layout that needs it starts a new one.

// layoutSlot is one Graphviz a layout may use: this process's (local) or
// a server's, started when first needed.
type layoutSlot struct {
	local bool
	srv   *layoutServer
}

// Pool is a set of layout servers that handles using it (WithPool) lay out
// on beside this process's Graphviz, while servers are in use (UseServers).
// The zero Pool has none in use: every layout stays in this process, or in
// a one-off worker when it may have to be stopped. A Pool is safe for
// concurrent use.
type Pool struct {
	mu sync.Mutex
	// The free Graphviz slots while servers are in use, this process's
	// and the servers'; nil otherwise.
	local, srvs chan *layoutSlot
}

// UseServers lets up to n layout servers lay out graphs beside this
// process's Graphviz (n = 0: none): large layouts, which would otherwise
// each start a worker process to be stoppable, go to a server; small ones
// stay in this process. It returns a function that stops the
// servers, to be called when the work is done.
func (p *Pool) UseServers(n int) (stop func()) {
	if n <= 0 {
		return func() {}
	}
	local, srvs := make(chan *layoutSlot, 1), make(chan *layoutSlot, n)
	local <- &layoutSlot{local: true}
	for range n {
		srvs <- &layoutSlot{}
	}
	p.mu.Lock()
	p.local, p.srvs = local, srvs
	p.mu.Unlock()
	return func() {
		p.mu.Lock()
		p.local, p.srvs = nil, nil
		p.mu.Unlock()
		<-local
		for range n {
			if s := <-srvs; s.srv != nil {
				s.srv.stop()
				s.srv = nil
			}
		}
	}
}

// take waits for a Graphviz to lay out on — a server's for a large
// graph, else this process's — and returns it with the channel it goes
// back to; nil when servers are not in use (or p is nil).
func (p *Pool) take(ctx context.Context, large bool) (*layoutSlot, chan *layoutSlot, error) {
	if p == nil {
		return nil, nil, nil
	}
	p.mu.Lock()
	local, srvs := p.local, p.srvs
	p.mu.Unlock()
	if srvs == nil {
		return nil, nil, nil
	}
	if large {
		select {
		case s := <-srvs:
			return s, srvs, nil
		case <-ctx.Done():
			return nil, nil, ctx.Err()
		}
	}
	// A small layout takes a few milliseconds here; starting a server
	// for it would take a hundred.
	select {
	case s := <-local:
		return s, local, nil
	case <-ctx.Done():
		return nil, nil, ctx.Err()
	}
}

// largeDOT reports whether a graph may be larger than this process lays
// out when a layout may have to be stopped (isolateNodes, isolateEdges),
// judged from the DOT text before Graphviz reads it: by its edge operators
// and its lines, which only overcount.
func largeDOT(dot []byte) bool {
	edges := bytes.Count(dot, []byte("->")) + bytes.Count(dot, []byte("--"))
	return edges > isolateEdges || bytes.Count(dot, []byte("\n")) > isolateNodes+isolateEdges+50
}

// layoutServer is a running server and the pipes to it.
type layoutServer struct {
	cmd    *exec.Cmd
	in     io.WriteCloser
	out    *bufio.Reader
	stderr bytes.Buffer
}

func startServer() (*layoutServer, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("starting a layout server: %w", err)
	}
	s := &layoutServer{cmd: exec.Command(exe)}
	s.cmd.Env = append(os.Environ(), workerEnv+"=1")
	s.cmd.Stderr = &s.stderr
	if s.in, err = s.cmd.StdinPipe(); err != nil {
		return nil, err
	}
	out, err := s.cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	s.out = bufio.NewReaderSize(out, 1<<16)
	if err := startChild(s.cmd); err != nil {
		return nil, fmt.Errorf("starting a layout server: %w", err)
	}
	return s, nil
}

// stop ends the server: it exits when its input ends.
func (s *layoutServer) stop() {
	s.in.Close()
	done := make(chan struct{})
	go func() { s.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		s.cmd.Process.Kill()
		<-done
	}
}

func (s *layoutServer) kill() {
	s.cmd.Process.Kill()
	s.in.Close()
	s.cmd.Wait()
}

// renderOnServer lays out dot on the slot's server, starting one if need
// be, within the handle's timeout; nodes and edges, the graph's size when
// known, go in a timeout's message.
func (g *Graphviz) renderOnServer(ctx context.Context, slot *layoutSlot, dot []byte, engine string, formats []string, nodes, edges int) ([][]byte, []string, error) {
	if slot.srv == nil {
		srv, err := startServer()
		if err != nil {
			return nil, nil, err
		}
		slot.srv = srv
	}
	srv := slot.srv
	type reply struct {
		outs, warnings []string
		err            error
	}
	done := make(chan reply, 1)
	go func() {
		outs, warnings, err := srv.request(dot, engine, formats)
		done <- reply{outs, warnings, err}
	}()
	run, cancel := g.withTimeout(ctx)
	defer cancel()
	select {
	case r := <-done:
		var ioErr *serverIOError
		if errors.As(r.err, &ioErr) {
			// The server died or garbled its reply: the next layout
			// starts a new one.
			srv.kill()
			slot.srv = nil
			msg := strings.TrimSpace(srv.stderr.String())
			if msg == "" {
				msg = ioErr.Error()
			}
			return nil, nil, fmt.Errorf("layout server: %s", oneLine(msg))
		}
		if r.err != nil {
			return nil, r.warnings, r.err
		}
		outs := make([][]byte, len(r.outs))
		for i, o := range r.outs {
			outs[i] = []byte(o)
		}
		return outs, r.warnings, nil
	case <-run.Done():
		srv.kill()
		<-done
		slot.srv = nil
		return nil, nil, g.stopped(run.Err(), dot, engine, nodes, edges)
	}
}

// serverIOError is a failure to talk to a server, as opposed to an error
// Graphviz reported.
type serverIOError struct{ err error }

func (e *serverIOError) Error() string { return e.err.Error() }

// A request is a line "engine format,format… length" and the DOT; a reply
// is a line "ok n" or "error n" and n items, each its length on a line and
// its bytes: for ok, the renderings in the formats asked for and then any
// warnings; for error, the message.
func (s *layoutServer) request(dot []byte, engine string, formats []string) (outs, warnings []string, err error) {
	if _, err := fmt.Fprintf(s.in, "%s %s %d\n", engine, strings.Join(formats, ","), len(dot)); err != nil {
		return nil, nil, &serverIOError{err}
	}
	if _, err := s.in.Write(dot); err != nil {
		return nil, nil, &serverIOError{err}
	}
	status, items, err := readReply(s.out)
	if err != nil {
		return nil, nil, &serverIOError{err}
	}
	switch {
	case status == "error" && len(items) == 1:
		return nil, nil, errors.New(items[0])
	case status == "ok" && len(items) >= len(formats):
		return items[:len(formats)], items[len(formats):], nil
	}
	return nil, nil, &serverIOError{errors.New("garbled reply")}
}

func readReply(r *bufio.Reader) (status string, items []string, err error) {
	line, err := r.ReadString('\n')
	if err != nil {
		return "", nil, err
	}
	status, count, ok := strings.Cut(strings.TrimSuffix(line, "\n"), " ")
	n, err := strconv.Atoi(count)
	if !ok || err != nil || n < 0 || n > 64 {
		return "", nil, errors.New("garbled reply")
	}
	for range n {
		line, err := r.ReadString('\n')
		if err != nil {
			return "", nil, err
		}
		size, err := strconv.Atoi(strings.TrimSuffix(line, "\n"))
		if err != nil || size < 0 {
			return "", nil, errors.New("garbled reply")
		}
		b := make([]byte, size)
		if _, err := io.ReadFull(r, b); err != nil {
			return "", nil, err
		}
		items = append(items, string(b))
	}
	return status, items, nil
}

// A request is what a server is asked: lay out dot with engine, in the
// formats.
type request struct {
	engine  string
	formats []string
	dot     []byte
}

// readRequest reads one request; io.EOF: the input ended between requests.
func readRequest(in *bufio.Reader) (request, error) {
	line, err := in.ReadString('\n')
	if err == io.EOF && line == "" {
		return request{}, io.EOF
	}
	f := strings.Fields(line)
	var size int
	if err == nil && len(f) == 3 {
		size, err = strconv.Atoi(f[2])
	}
	if err != nil || len(f) != 3 || size < 0 {
		return request{}, errors.New("garbled request")
	}
	dot := make([]byte, size)
	if _, err := io.ReadFull(in, dot); err != nil {
		return request{}, err
	}
	return request{engine: f[0], formats: strings.Split(f[1], ","), dot: dot}, nil
}

// serveLayouts is a layout server's life: requests in, replies out, until
// its input ends — and it ends then, even in the middle of a layout: its
// input is a pipe from the process that started it, which ends when that
// process does, however it ends (SIGKILL included), so a server never
// outlives its parent by a layout's time (issue 17: 20–70 s at up to
// 4.8 GB). The input is read by a goroutine of its own for that; exit
// ends the process (os.Exit), with 0 when the input ended cleanly.
func serveLayouts(stdin io.Reader, stdout, stderr io.Writer, exit func(int)) {
	// A goroutine running WebAssembly cannot be preempted: with one P,
	// the reader could not run until the layout ended.
	if runtime.GOMAXPROCS(0) < 2 {
		runtime.GOMAXPROCS(2)
	}
	ctx := context.Background()
	gv, err := New(ctx)
	if err != nil {
		fmt.Fprintln(stderr, err)
		exit(1)
		return
	}
	in := bufio.NewReaderSize(stdin, 1<<16)
	reqs := make(chan request)
	go func() {
		for {
			r, err := readRequest(in)
			if err == io.EOF {
				exit(0)
				return
			}
			if err != nil {
				fmt.Fprintln(stderr, "layout server:", err)
				exit(1)
				return
			}
			reqs <- r
		}
	}()
	out := bufio.NewWriterSize(stdout, 1<<16)
	for r := range reqs {
		var warnings []string
		gv.Warn = func(msg string) { warnings = append(warnings, msg) }
		outs, err := gv.renderHere(ctx, r.dot, r.engine, r.formats)
		var items []string
		status := "ok"
		if err != nil {
			status, items = "error", []string{err.Error()}
		} else {
			for _, o := range outs {
				items = append(items, string(o))
			}
			items = append(items, warnings...)
		}
		fmt.Fprintf(out, "%s %d\n", status, len(items))
		for _, it := range items {
			fmt.Fprintf(out, "%d\n", len(it))
			out.WriteString(it)
		}
		if err := out.Flush(); err != nil {
			exit(1)
			return
		}
	}
}
