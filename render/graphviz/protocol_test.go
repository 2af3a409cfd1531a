package graphviz

import (
	"bufio"
	"strings"
	"testing"
)

// TestWorkerReplyFraming: a worker's reply is read back item by item,
// and a reply cut short or garbled is an error, not a layout.
func TestWorkerReplyFraming(t *testing.T) {
	status, items, err := readReply(bufio.NewReader(strings.NewReader("ok 3\n3\nabc0\n2\n\nx")))
	if err != nil || status != "ok" || len(items) != 3 || items[0] != "abc" || items[1] != "" || items[2] != "\nx" {
		t.Errorf("read: %q %q, %v", status, items, err)
	}
	for _, bad := range []string{"", "ok 1\n5\nabc", "ok 1\nx\nabc", "ok\n", "ok 99\n", "ok -1\n"} {
		if _, _, err := readReply(bufio.NewReader(strings.NewReader(bad))); err == nil {
			t.Errorf("%q passes", bad)
		}
	}
}
