package cli

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/dipgraph/dipgraph/render"
)

// previewFixture is a watcher with figures to show and no renders of its
// own, and the preview's handler behind a host guard for a listener on
// 127.0.0.1.
func previewFixture(t *testing.T, figs ...shown) (*watcher, http.Handler, string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	w := &watcher{e: &env{ctx: ctx, stdout: io.Discard, stderr: io.Discard}, version: 1, figures: figs}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	return w, w.handler(newHostGuard(ln, "127.0.0.1:0")), ln.Addr().String()
}

var (
	svgFigure  = shown{name: "fig.svg", format: render.FormatSVG, body: []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`)}
	htmlFigure = shown{name: "fig.html", format: render.FormatHTML, body: []byte(`<!DOCTYPE html><p>report`)}
	pdfFigure  = shown{name: "fig.pdf", format: render.FormatPDF, body: []byte("%PDF-1.7\n"), svg: svgFigure.body}
	dotFigure  = shown{name: "fig.dot", format: render.FormatDOT, body: []byte("graph {}")}
)

// get runs one request through the handler, with Host host.
func get(h http.Handler, method, host, path string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, path, nil)
	r.Host = host
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, r)
	return rec
}

// checkSecure fails unless a response carries the headers every preview
// response must: nosniff, framing refused (or only by the page, for a
// document the page frames), and a CSP that forbids framing likewise.
func checkSecure(t *testing.T, what string, hd http.Header, framedBySelf bool) {
	t.Helper()
	xfo, ancestors := "DENY", "frame-ancestors 'none'"
	if framedBySelf {
		xfo, ancestors = "SAMEORIGIN", "frame-ancestors 'self'"
	}
	if got := hd.Get("X-Content-Type-Options"); got != "nosniff" {
		t.Errorf("%s: X-Content-Type-Options %q, want nosniff", what, got)
	}
	if got := hd.Get("X-Frame-Options"); got != xfo {
		t.Errorf("%s: X-Frame-Options %q, want %s", what, got, xfo)
	}
	csp := hd.Get("Content-Security-Policy")
	if !strings.Contains(csp, ancestors) || !strings.HasPrefix(csp, "default-src 'none'") {
		t.Errorf("%s: Content-Security-Policy %q, want default-src 'none' and %s", what, csp, ancestors)
	}
	if regexp.MustCompile(`script-src[^;]*'unsafe-inline'`).MatchString(csp) {
		t.Errorf("%s: the CSP allows inline scripts: %q", what, csp)
	}
	if got := hd.Get("Cross-Origin-Resource-Policy"); got != "same-origin" {
		t.Errorf("%s: Cross-Origin-Resource-Policy %q, want same-origin", what, got)
	}
}

// TestPreviewHost: the preview answers only Host headers that name it — a
// loopback name or its address, with its port — so a page on another
// site, its name pointed at 127.0.0.1 (DNS rebinding), gets 421 and no
// figure. Refusals carry the same headers as every response.
func TestPreviewHost(t *testing.T) {
	_, h, addr := previewFixture(t, svgFigure)
	_, port, _ := net.SplitHostPort(addr)
	for _, c := range []struct {
		host string
		want int
	}{
		{"127.0.0.1:" + port, 200},
		{"localhost:" + port, 200},
		{"LocalHost:" + port, 200},
		{"[::1]:" + port, 200},
		{"[0:0:0:0:0:0:0:1]:" + port, 200},
		{"evil.example:" + port, 421},
		{"localhost.evil.example:" + port, 421},
		{"127.0.0.1.nip.io:" + port, 421},
		{"localhost.:" + port, 421},
		{"127.0.0.2:" + port, 421},
		{"127.0.0.1:1" + port, 421},
		{"127.0.0.1", 421}, // port 80, not this one
		{"localhost", 421},
		{"", 421},
		{"[::1]", 421},
	} {
		for _, path := range []string{"/", "/figure", "/events"} {
			if path == "/events" && c.want == 200 {
				continue // a stream: TestPreviewStreams
			}
			rec := get(h, "GET", c.host, path)
			if rec.Code != c.want {
				t.Errorf("Host %q %s: %d, want %d", c.host, path, rec.Code, c.want)
			}
			if c.want == 421 {
				if body := rec.Body.String(); !strings.Contains(body, "localhost:"+port) || strings.Contains(body, "<svg") {
					t.Errorf("Host %q %s: refusal says %q", c.host, path, body)
				}
			}
			checkSecure(t, "Host "+c.host+" "+path, rec.Header(), false)
		}
	}
}

// TestPreviewHostAllInterfaces: bound to every interface (with
// --serve-all-interfaces), the preview answers the loopback names and
// this machine's addresses, still not another name.
func TestPreviewHostAllInterfaces(t *testing.T) {
	// The guard of a wildcard listener, without opening one: a listener
	// whose address is [::]:PORT.
	g := newHostGuard(fakeListener{&net.TCPAddr{IP: net.IPv6unspecified, Port: 8181}}, "[::]:8181")
	addrs, _ := net.InterfaceAddrs()
	for _, a := range addrs {
		ip := a.(*net.IPNet).IP
		if !g.allows(net.JoinHostPort(ip.String(), "8181")) {
			t.Errorf("the interface address %s is refused", ip)
		}
	}
	for host, want := range map[string]bool{"localhost:8181": true, "[::1]:8181": true, "evil.example:8181": false, "localhost:8182": false} {
		if g.allows(host) != want {
			t.Errorf("Host %q: allowed %v, want %v", host, !want, want)
		}
	}
}

// fakeListener is a listener that only has an address.
type fakeListener struct{ addr net.Addr }

func (l fakeListener) Accept() (net.Conn, error) { return nil, net.ErrClosed }
func (l fakeListener) Close() error              { return nil }
func (l fakeListener) Addr() net.Addr            { return l.addr }

// TestPreviewListen: --serve addresses that mean every interface are
// refused without --serve-all-interfaces, naming the flag; loopback ones
// are served without a warning, the others with one.
func TestPreviewListen(t *testing.T) {
	for _, c := range []struct {
		addr    string
		all     bool
		refused bool
	}{
		{":0", false, true},
		{"0.0.0.0:0", false, true},
		{"[::]:0", false, true},
		{"[0:0::0]:0", false, true},
		{"127.0.0.1:0", false, false},
		{"localhost:0", false, false},
		{"[::1]:0", false, false},
	} {
		ln, err := listenPreview(c.addr, c.all)
		if c.refused {
			if err == nil {
				ln.Close()
				t.Errorf("--serve %s was served", c.addr)
			} else if !strings.Contains(err.Error(), "every network interface") || !strings.Contains(err.Error(), "--serve-all-interfaces") || !strings.Contains(err.Error(), "127.0.0.1:PORT") {
				t.Errorf("--serve %s: %v", c.addr, err)
			}
			continue
		}
		if err != nil {
			if c.addr == "[::1]:0" {
				t.Logf("no IPv6 loopback here: %v", err)
				continue
			}
			t.Errorf("--serve %s: %v", c.addr, err)
			continue
		}
		if msg := exposure(c.addr, ln.Addr().String()); msg != "" {
			t.Errorf("--serve %s warns: %s", c.addr, msg)
		}
		ln.Close()
	}
	for addr, bound := range map[string]string{":8080": "[::]:8080", "0.0.0.0:8080": "0.0.0.0:8080", "192.0.2.7:8080": "192.0.2.7:8080"} {
		if msg := exposure(addr, bound); !strings.Contains(msg, "can read the figure") {
			t.Errorf("--serve %s bound at %s: warning %q", addr, bound, msg)
		}
	}
}

// TestPreviewHeaders: every response — the page, each kind of figure,
// the SVG of a PDF, errors, the event stream — carries nosniff, refuses
// framing (a document the page frames: by any page but its own) and has a
// CSP that runs no inline script; each has the content type that shows it.
func TestPreviewHeaders(t *testing.T) {
	_, h, addr := previewFixture(t, svgFigure, htmlFigure, pdfFigure, dotFigure)
	for _, c := range []struct {
		method, path string
		code         int
		ctype        string
		framed       bool
	}{
		{"GET", "/", 200, "text/html; charset=utf-8", false},
		{"GET", "/figure", 200, "image/svg+xml", false},
		{"GET", "/figure/0", 200, "image/svg+xml", false},
		{"GET", "/figure/1", 200, "text/html; charset=utf-8", true},
		{"GET", "/figure/2", 200, "application/pdf", true},
		{"GET", "/svg/2", 200, "image/svg+xml", false},
		{"GET", "/figure/3", 200, "text/plain; charset=utf-8", true},
		{"GET", "/svg/0", 404, "text/plain; charset=utf-8", false},
		{"GET", "/figure/4", 404, "text/plain; charset=utf-8", false},
		{"GET", "/figure/x", 404, "text/plain; charset=utf-8", false},
		{"GET", "/nothing", 404, "text/plain; charset=utf-8", false},
		{"POST", "/", 405, "text/plain; charset=utf-8", false},
		{"HEAD", "/figure", 200, "image/svg+xml", false},
	} {
		rec := get(h, c.method, addr, c.path)
		what := c.method + " " + c.path
		if rec.Code != c.code {
			t.Errorf("%s: %d, want %d", what, rec.Code, c.code)
		}
		if got := rec.Header().Get("Content-Type"); got != c.ctype {
			t.Errorf("%s: Content-Type %q, want %q", what, got, c.ctype)
		}
		checkSecure(t, what, rec.Header(), c.framed)
		if csp := rec.Header().Get("Content-Security-Policy"); c.code == 200 && c.path != "/" && c.ctype != "application/pdf" && !strings.HasSuffix(csp, "; sandbox") {
			t.Errorf("%s: a document the preview shows is not sandboxed: %q", what, csp)
		}
	}
	// The event stream, ended by its client after the first event.
	ctx, cancel := context.WithCancel(context.Background())
	r := httptest.NewRequest("GET", "/events", nil).WithContext(ctx)
	r.Host = addr
	rec := httptest.NewRecorder()
	done := make(chan struct{})
	go func() { h.ServeHTTP(rec, r); close(done) }()
	time.Sleep(50 * time.Millisecond)
	cancel()
	<-done
	if got := rec.Header().Get("Content-Type"); got != "text/event-stream" || !strings.Contains(rec.Body.String(), "event: render\ndata: 1\n") {
		t.Errorf("/events: %q %q", got, rec.Body.String())
	}
	checkSecure(t, "/events", rec.Header(), false)
}

// TestPreviewPage: the page runs only its own script and style, allowed
// by their hashes (no 'unsafe-inline'), which match what it holds; it
// refers to nothing but the server; and it shows each kind of figure as
// what shows it: an image, the report in a sandboxed frame, a PDF in an
// <object> with its SVG in its place, text in a frame.
func TestPreviewPage(t *testing.T) {
	for _, c := range []struct {
		fig  shown
		want []string
	}{
		{svgFigure, []string{`<img id="figure" src="/figure?v=1"`}},
		{htmlFigure, []string{`<iframe id="figure" src="/figure?v=1" sandbox title="fig.html">`, `<a href="/figure?v=1">Open the report</a>`}},
		{pdfFigure, []string{`<object id="figure" data="/figure?v=1" type="application/pdf" title="fig.pdf"><img id="figure-svg" src="/svg?v=1" alt="fig.pdf (as SVG)"></object>`, `<a href="/figure?v=1">Open the PDF</a>`}},
		{shown{name: "p.pdf", format: render.FormatPDF, body: pdfFigure.body}, []string{`<object id="figure" data="/figure?v=1" type="application/pdf" title="p.pdf">This browser shows no PDF here.</object>`}},
		{dotFigure, []string{`<iframe id="figure" src="/figure?v=1" sandbox`}},
	} {
		_, h, addr := previewFixture(t, c.fig)
		rec := get(h, "GET", addr, "/")
		page := rec.Body.String()
		for _, w := range c.want {
			if !strings.Contains(page, w) {
				t.Errorf("%s: the page lacks %s:\n%s", c.fig.name, w, page)
			}
		}
		csp := rec.Header().Get("Content-Security-Policy")
		if strings.Contains(csp, "unsafe") {
			t.Errorf("%s: the page's CSP allows unsafe sources: %s", c.fig.name, csp)
		}
		doc, err := html.Parse(strings.NewReader(page))
		if err != nil {
			t.Fatal(err)
		}
		inline := map[string][]string{}
		for n := range doc.Descendants() {
			if n.Type != html.ElementNode {
				continue
			}
			if n.Data == "script" || n.Data == "style" {
				body := ""
				if n.FirstChild != nil {
					body = n.FirstChild.Data
				}
				inline[n.Data] = append(inline[n.Data], body)
			}
			for _, a := range n.Attr {
				if (a.Key == "src" || a.Key == "href" || a.Key == "data") && !strings.HasPrefix(a.Val, "/") {
					t.Errorf("%s: <%s %s=%q> is not on the server", c.fig.name, n.Data, a.Key, a.Val)
				}
				if a.Key == "style" || strings.HasPrefix(a.Key, "on") {
					t.Errorf("%s: <%s %s> is inline code the CSP does not allow", c.fig.name, n.Data, a.Key)
				}
			}
		}
		for kind, bodies := range inline {
			if len(bodies) != 1 {
				t.Fatalf("%s: %d <%s> elements, want one", c.fig.name, len(bodies), kind)
			}
			sum := sha256.Sum256([]byte(bodies[0]))
			hash := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
			if !strings.Contains(csp, kind+"-src "+hash) {
				t.Errorf("%s: the page's <%s> has hash %s, which its CSP does not allow: %s", c.fig.name, kind, hash, csp)
			}
		}
		if len(inline["script"]) != 1 {
			t.Errorf("%s: the page has no reload script", c.fig.name)
		}
	}
}

// TestPreviewWaitersBounded: what a request leaves behind is bounded. The
// old preview added a channel per request for the next render to close:
// 30,000 requests between renders left 30,000 (RSS 38 → 163 MB). Now
// every waiter shares one channel, replaced at each render, and only open
// event streams wait.
func TestPreviewWaitersBounded(t *testing.T) {
	w, h, addr := previewFixture(t, svgFigure)
	_, _, _, first := w.state()
	gone, cancel := context.WithCancel(context.Background())
	cancel() // an event stream whose client left after its first event
	const requests = 30000
	for i := range requests {
		switch i % 3 {
		case 0:
			get(h, "GET", addr, "/")
		case 1:
			get(h, "GET", addr, "/figure")
		case 2:
			r := httptest.NewRequest("GET", "/events", nil).WithContext(gone)
			r.Host = addr
			h.ServeHTTP(httptest.NewRecorder(), r)
		}
	}
	_, _, _, next := w.state()
	if next != first {
		t.Error("requests replaced the channel waiters share")
	}
	if n := w.openStreams(); n != 0 {
		t.Errorf("%d event streams still counted after their clients left", n)
	}
	t.Logf("after %d requests: 1 shared channel, %d open streams", requests, w.openStreams())
	// A render still wakes a waiter, and the next waiter waits anew.
	w.render0()
	select {
	case <-first:
	default:
		t.Error("a render did not close the waiters' channel")
	}
	if _, _, _, again := w.state(); again == first {
		t.Error("the channel was not replaced at the render")
	}
}

// render0 is a render with nothing to make: the version moves on and the
// waiters are woken, as after a real render.
func (w *watcher) render0() {
	w.rebuild = func() ([]shown, error) { return w.figures, nil }
	w.render()
}

// TestPreviewStreams: at most maxPreviewStreams event streams are open at
// once; one more is answered 503 with a short text; a stream that closes
// frees its place; a render sends every stream its event; none is counted
// once all have gone.
func TestPreviewStreams(t *testing.T) {
	w, _, _ := previewFixture(t, svgFigure)
	srv := httptest.NewUnstartedServer(nil)
	srv.Config.Handler = w.handler(newHostGuard(srv.Listener, "127.0.0.1:0"))
	srv.Start()
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{MaxConnsPerHost: 0, MaxIdleConnsPerHost: maxPreviewStreams + 2}}
	open := func() (*http.Response, *bufio.Reader) {
		t.Helper()
		resp, err := client.Get(srv.URL + "/events")
		if err != nil {
			t.Fatal(err)
		}
		return resp, bufio.NewReader(resp.Body)
	}
	readEvent := func(r *bufio.Reader) string {
		t.Helper()
		for {
			l, err := r.ReadString('\n')
			if err != nil {
				t.Fatalf("reading an event: %v", err)
			}
			if strings.HasPrefix(l, "data: ") {
				return strings.TrimSpace(l)
			}
		}
	}
	var streams []*http.Response
	var readers []*bufio.Reader
	for range maxPreviewStreams {
		resp, r := open()
		if resp.StatusCode != 200 {
			t.Fatalf("stream %d: %s", len(streams)+1, resp.Status)
		}
		readEvent(r)
		streams, readers = append(streams, resp), append(readers, r)
	}
	if n := w.openStreams(); n != maxPreviewStreams {
		t.Errorf("%d streams counted, want %d", n, maxPreviewStreams)
	}
	extra, _ := open()
	body, _ := io.ReadAll(extra.Body)
	extra.Body.Close()
	if extra.StatusCode != http.StatusServiceUnavailable || !strings.Contains(string(body), "too many open previews") || extra.Header.Get("Retry-After") == "" {
		t.Errorf("stream %d: %s %q", maxPreviewStreams+1, extra.Status, body)
	}
	checkSecure(t, "503", extra.Header, false)

	w.render0()
	for i, r := range readers {
		if got := readEvent(r); got != "data: 2" {
			t.Fatalf("stream %d after the render: %q", i+1, got)
		}
	}
	streams[0].Body.Close()
	waitFor(t, func() bool { return w.openStreams() == maxPreviewStreams-1 })
	again, r := open()
	if again.StatusCode != 200 {
		t.Errorf("a stream after one closed: %s", again.Status)
	}
	readEvent(r)
	again.Body.Close()
	for _, s := range streams[1:] {
		s.Body.Close()
	}
	waitFor(t, func() bool { return w.openStreams() == 0 })
}

// waitFor waits up to 10 s for cond.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !cond(); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("timed out")
		}
	}
}
