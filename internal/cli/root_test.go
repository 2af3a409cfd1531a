package cli

import "path/filepath"

// root is the module's root folder, which holds the project's figures.yaml,
// out/, README.md and docs/: a test runs in its package's folder,
// internal/cli.
var root = filepath.Join("..", "..")
