package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
)

// gate lets the caller bracket the measured interval: it reads the server's CPU time between "ready" and its
// go-ahead line, and again between the result line and closing standard input.
type gate struct {
	enabled bool
	input   *bufio.Reader
}

func newGate(enabled bool) *gate {
	return &gate{enabled: enabled, input: bufio.NewReader(os.Stdin)}
}

// open announces that the connections are set up and waits for the go-ahead.
func (g *gate) open() error {
	if !g.enabled {
		return nil
	}
	fmt.Println("ready")
	if _, err := g.input.ReadString('\n'); err != nil {
		return errors.New("no go-ahead on stdin after ready")
	}
	return nil
}

// hold prints the result and keeps the connections open until the caller closes standard input.
func (g *gate) hold(res result) {
	emit(res)
	if g.enabled {
		io.Copy(io.Discard, g.input)
	}
}
