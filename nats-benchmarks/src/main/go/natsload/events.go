package main

import (
	"crypto/tls"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
)

// Every connection may reconnect a few times, so a server that cuts a subscriber off shows as a cut-off and a
// reconnect rather than as silence; the bound keeps a dead server from holding the run.
const (
	maxReconnects  = 10
	reconnectWait  = 100 * time.Millisecond
	connectTimeout = 10 * time.Second
)

// eventLog records, for all connections of a run, what they saw of the server closing them and of errors.
type eventLog struct {
	mu     sync.Mutex
	events connectionEvents
}

// connect opens one connection whose events go into the log, over TLS and as a user when the run says so;
// subscriber connections go to the run's subscriber URL and count their disconnects as cut-offs.
func (l *eventLog) connect(cfg config, name string, subscriber bool) (*nats.Conn, error) {
	options := []nats.Option{
		nats.Name(name),
		nats.Timeout(connectTimeout),
		nats.MaxReconnects(maxReconnects),
		nats.ReconnectWait(reconnectWait),
		nats.NoCallbacksAfterClientClose(),
		nats.DisconnectErrHandler(func(nc *nats.Conn, err error) {
			l.disconnected(subscriber, errorOf(nc, err))
		}),
		nats.ReconnectHandler(func(*nats.Conn) {
			l.update(func(e *connectionEvents) { e.Reconnects++ })
		}),
		nats.ErrorHandler(func(nc *nats.Conn, _ *nats.Subscription, err error) {
			l.update(func(e *connectionEvents) {
				e.AsyncErrors++
				e.note(err)
			})
		}),
	}
	if cfg.tlsCA != "" {
		options = append(options, nats.RootCAs(cfg.tlsCA))
	}
	if cfg.user != "" {
		options = append(options, nats.UserInfo(cfg.user, cfg.password))
	}
	url := cfg.url
	if subscriber {
		url = cfg.subscriberURL()
	}
	return nats.Connect(url, options...)
}

// describeTLS writes the TLS version and cipher suite a connection negotiated to standard error, so that a run
// shows what each server chose; plaintext connections write nothing.
func describeTLS(nc *nats.Conn) {
	state, err := nc.TLSConnectionState()
	if err != nil {
		return
	}
	version := fmt.Sprintf("0x%04x", state.Version)
	switch state.Version {
	case tls.VersionTLS12:
		version = "TLS 1.2"
	case tls.VersionTLS13:
		version = "TLS 1.3"
	}
	fmt.Fprintf(os.Stderr, "natsload: %s, %s\n", version, tls.CipherSuiteName(state.CipherSuite))
}

func (l *eventLog) disconnected(subscriber bool, err error) {
	l.update(func(e *connectionEvents) {
		e.Disconnects++
		if subscriber {
			e.SubscriberCutOffs++
		}
		e.note(err)
	})
}

func (l *eventLog) update(change func(*connectionEvents)) {
	l.mu.Lock()
	defer l.mu.Unlock()
	change(&l.events)
}

func (l *eventLog) snapshot() connectionEvents {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.events
}

func (e *connectionEvents) note(err error) {
	if err == nil {
		return
	}
	e.LastError = err.Error()
	if errors.Is(err, nats.ErrSlowConsumer) || strings.Contains(strings.ToLower(err.Error()), "slow consumer") {
		e.SlowConsumer = true
	}
}

// errorOf returns why a connection went down: a server's -ERR closes it with no error passed to the handler,
// leaving the reason as the connection's last error.
func errorOf(nc *nats.Conn, err error) error {
	if err != nil {
		return err
	}
	return nc.LastError()
}
