package cli

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
)

// progress draws a progress bar on standard error while files are read,
// when standard error is a terminal; piped or redirected, it stays quiet.
type progress struct {
	w     io.Writer
	on    bool
	total int64 // bytes to read; -1 when unknown (standard input)
	mu    sync.Mutex
	read  int64
	last  time.Time
	drawn bool
}

func newProgress(w io.Writer) *progress {
	return &progress{w: w, on: isTerminal(w)}
}

// isTerminal reports whether w is a character device such as a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := unclip(w).(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0 && os.Getenv("TERM") != "dumb"
}

type countingReader struct {
	r io.Reader
	p *progress
}

func (c countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.p.add(int64(n))
	return n, err
}

func (p *progress) reader(r io.Reader) io.Reader {
	if !p.on {
		return r
	}
	return countingReader{r, p}
}

func (p *progress) add(n int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.read += n
	if now := time.Now(); now.Sub(p.last) >= 100*time.Millisecond {
		p.last = now
		p.draw()
	}
}

func (p *progress) draw() {
	const width = 30
	if p.total > 0 {
		frac := min(float64(p.read)/float64(p.total), 1)
		full := int(frac * width)
		fmt.Fprintf(p.w, "\rimporting [%s%s] %3.0f%%  %s of %s ", strings.Repeat("#", full), strings.Repeat(".", width-full),
			frac*100, sizeText(p.read), sizeText(p.total))
	} else {
		fmt.Fprintf(p.w, "\rimporting … %s read ", sizeText(p.read))
	}
	p.drawn = true
}

// done clears the bar.
func (p *progress) done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

func sizeText(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f kB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
