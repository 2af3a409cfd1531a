package cli

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
)

// What guards watch's preview server: where it may listen, which Host
// headers it answers, and the headers every response carries.

// allInterfacesFlag is the flag that lets --serve listen on every network
// interface (":8080", "0.0.0.0:8080", "[::]:8080").
const allInterfacesFlag = "serve-all-interfaces"

// wildcardHost reports whether the host part of a --serve address means
// every interface: empty, 0.0.0.0 or ::.
func wildcardHost(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false // net.Listen says what is wrong with it
	}
	if host == "" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsUnspecified()
}

// wildcardRefusal is the message for a --serve address that would listen
// on every interface without --serve-all-interfaces.
func wildcardRefusal(addr string) string {
	return fmt.Sprintf("--serve %s listens on every network interface, so anyone who can reach this machine could read the figure: "+
		"serve on 127.0.0.1:PORT (this machine only), or add --%s if that is what you mean", addr, allInterfacesFlag)
}

// listenPreview opens the preview's listener at addr. An address that
// means every interface is refused unless all is set, also when a host
// name resolves to one. Its errors are command-line mistakes (exit 2).
func listenPreview(addr string, all bool) (net.Listener, error) {
	if wildcardHost(addr) && !all {
		return nil, errors.New(wildcardRefusal(addr))
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("--serve %q: %w", addr, err)
	}
	if ip := boundIP(ln); ip != nil && ip.IsUnspecified() && !all {
		ln.Close()
		return nil, errors.New(wildcardRefusal(addr))
	}
	return ln, nil
}

// boundIP is the IP address a TCP listener is bound to.
func boundIP(ln net.Listener) net.IP {
	if a, ok := ln.Addr().(*net.TCPAddr); ok {
		return a.IP
	}
	return nil
}

// hostGuard answers only requests whose Host header names this server:
// a loopback name, the address it is bound to or the host given to
// --serve, with its port. A page on another site whose name has been
// pointed at 127.0.0.1 (DNS rebinding) sends its own name, and is refused.
type hostGuard struct {
	port  string
	names map[string]bool // lower case, IPv6 without brackets
}

// newHostGuard is the guard for a listener opened for the --serve address
// addr. Bound to every interface, it also answers to each of the
// machine's interface addresses.
func newHostGuard(ln net.Listener, addr string) *hostGuard {
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	g := &hostGuard{port: port, names: map[string]bool{"localhost": true, "127.0.0.1": true, "::1": true}}
	ip := boundIP(ln)
	if ip != nil {
		g.names[ip.String()] = true
	}
	if host, _, err := net.SplitHostPort(addr); err == nil && host != "" {
		g.names[strings.ToLower(host)] = true
	}
	if ip != nil && ip.IsUnspecified() {
		if addrs, err := net.InterfaceAddrs(); err == nil {
			for _, a := range addrs {
				if n, ok := a.(*net.IPNet); ok {
					g.names[n.IP.String()] = true
				}
			}
		}
	}
	return g
}

// allows reports whether a request's Host header names this server.
func (g *hostGuard) allows(hostHeader string) bool {
	host, port, err := net.SplitHostPort(hostHeader)
	if err != nil {
		host, port = hostHeader, "80" // no port: the default one
	}
	if port != g.port {
		return false
	}
	host = strings.ToLower(host)
	if ip := net.ParseIP(host); ip != nil {
		host = ip.String() // one spelling of each address
	}
	return g.names[host]
}

// wrap refuses, with 421 Misdirected Request, a request for another host.
func (g *hostGuard) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		if !g.allows(r.Host) {
			http.Error(rw, fmt.Sprintf("421 misdirected request: this dipgraph preview answers only at http://localhost:%s/ "+
				"(or 127.0.0.1, [::1], or the address it was given)", g.port), http.StatusMisdirectedRequest)
			return
		}
		h.ServeHTTP(rw, r)
	})
}

// strictPolicy is the Content-Security-Policy of every response that is
// not a document the preview shows (errors, the event stream): nothing may
// load, run or frame it.
const strictPolicy = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// secureHeaders sets on every response the headers that keep it inert and
// unframed: a strict CSP, nosniff, DENY framing, no referrer, same-origin
// only. A handler that serves a document to be shown replaces the CSP
// (and, for one the page frames, the framing) with its own.
func secureHeaders(h http.Handler) http.Handler {
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		hd := rw.Header()
		hd.Set("Content-Security-Policy", strictPolicy)
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Referrer-Policy", "no-referrer")
		hd.Set("Cross-Origin-Resource-Policy", "same-origin")
		hd.Set("Cache-Control", "no-store")
		h.ServeHTTP(rw, r)
	})
}

// exposure is the warning for a preview bound at bound, asked for as addr,
// that other machines can reach, or "" for one on a loopback address.
func exposure(addr, bound string) string {
	host, _, _ := net.SplitHostPort(bound)
	ip := net.ParseIP(host)
	switch {
	case wildcardHost(addr) || (ip != nil && ip.IsUnspecified()):
		return fmt.Sprintf("the preview listens on every network interface (%s, --%s): anyone who can reach this machine can read the figure", bound, allInterfacesFlag)
	case ip == nil || !ip.IsLoopback():
		return fmt.Sprintf("the preview at %s is not on a loopback address: other machines on that network can read the figure", bound)
	}
	return ""
}

// browsable is the address to open for a preview bound at bound: itself,
// or for every interface this machine's 127.0.0.1 (a browser cannot open
// 0.0.0.0 everywhere, nor [::]).
func browsable(bound string) string {
	host, port, err := net.SplitHostPort(bound)
	if ip := net.ParseIP(host); err == nil && ip != nil && ip.IsUnspecified() {
		return net.JoinHostPort("127.0.0.1", port)
	}
	return bound
}
