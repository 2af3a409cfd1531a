package cli

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/pflag"

	"github.com/dipgraph/dipgraph/data"
)

// addInputFlags registers --max-input on the flag set of a command that
// takes it (its maxInput in the command table); the value lands in
// e.maxInput, where loadData finds it.
func addInputFlags(e *env, c command, fs *pflag.FlagSet) {
	if !c.maxInput || fs.Lookup("max-input") != nil {
		return
	}
	e.maxInput = data.MaxInput
	fs.Var((*byteSize)(&e.maxInput), "max-input", "refuse data files larger than this together (all DATA of the command), unread: bytes, or with KiB, MiB or GiB (e.g. 200MiB)")
}

// byteSize is a size in bytes as a flag: 1048576, 512KiB, 64MiB, 2GiB (K,
// M, G, KB, MB and GB are read as the same binary units).
type byteSize int64

func (b *byteSize) String() string { return data.FormatSize(int64(*b)) }

func (b *byteSize) Type() string { return "size" }

func (b *byteSize) Set(s string) error {
	n, err := parseSize(s)
	if err != nil {
		return err
	}
	*b = byteSize(n)
	return nil
}

// maxSize keeps a size within what a process can hold in memory.
const maxSize = 1 << 40

// parseSize reads a whole number of bytes with an optional binary unit.
func parseSize(s string) (int64, error) {
	num := strings.TrimSpace(s)
	unit := strings.TrimLeft(num, "0123456789")
	num = strings.TrimSpace(num[:len(num)-len(unit)])
	mult := map[string]int64{"": 1, "b": 1, "k": 1 << 10, "kb": 1 << 10, "kib": 1 << 10,
		"m": 1 << 20, "mb": 1 << 20, "mib": 1 << 20, "g": 1 << 30, "gb": 1 << 30, "gib": 1 << 30}[strings.ToLower(strings.TrimSpace(unit))]
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || mult == 0 {
		return 0, fmt.Errorf("%q is not a size: give bytes, or a whole number with KiB, MiB or GiB, e.g. 200MiB", s)
	}
	if n <= 0 || n > maxSize/mult {
		return 0, fmt.Errorf("%q is out of range: give a size from 1 byte to 1024GiB", s)
	}
	return n * mult, nil
}
