package main

import (
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"
)

const (
	// Every run starts from a fresh file-backed stream of this name capturing the load's subject.
	streamName = "BENCH"
	// The pull consumer of js-consume, created on the pre-filled stream before the go-ahead.
	durableName = "bench"
	// The pre-fill of js-consume publishes with this many PubAcks outstanding; it is not measured.
	prefillWindow = 256
	// A PubAck, an API reply or a fetched batch that takes longer than this fails the run.
	jsTimeout = 5 * time.Second
	// nats.go 1.22.1 can miss the wake-up of a publisher stalled on a full window (when every outstanding PubAck
	// arrives before it starts waiting): it then waits its whole stall time. So it waits briefly, and retries.
	stallRetry = 5 * time.Millisecond
	stalled    = "stalled with too many outstanding async published messages"
)

// runJetStream runs one of the JetStream modes on a single connection: a fresh stream, then the measured
// publishing with acknowledgements or the pull-consuming of a pre-filled stream.
func runJetStream(cfg config, g *gate) error {
	events := &eventLog{}
	nc, err := events.connect(cfg, "natsload-js", false)
	if err != nil {
		return err
	}
	defer nc.Close()
	describeTLS(nc)
	var asyncFailures atomic.Int64
	var lastAsyncErr atomic.Value
	window := prefillWindow
	if cfg.mode == "js-publish-async" {
		window = int(cfg.window)
	}
	js, err := nc.JetStream(nats.MaxWait(jsTimeout), nats.PublishAsyncMaxPending(window),
		nats.PublishAsyncErrHandler(func(_ nats.JetStream, _ *nats.Msg, err error) {
			asyncFailures.Add(1)
			lastAsyncErr.Store(err)
		}))
	if err != nil {
		return err
	}
	if err := freshStream(js, cfg.subject); err != nil {
		return err
	}
	var res result
	var runErr error
	switch cfg.mode {
	case "js-publish":
		res, runErr, err = publishAcked(cfg, g, js)
	case "js-publish-async":
		res, runErr, err = publishAsync(cfg, g, js, &asyncFailures)
	default:
		res, runErr, err = consumePrefilled(cfg, g, nc, js, &asyncFailures)
	}
	if err != nil {
		return err
	}
	res.connectionEvents = events.snapshot()
	if last, ok := lastAsyncErr.Load().(error); ok {
		res.note(fmt.Errorf("async publish: %w", last))
	}
	res.note(runErr)
	g.hold(res)
	return nil
}

// freshStream deletes the stream a previous run left and creates it empty, file-backed, with default limits.
func freshStream(js nats.JetStreamContext, subject string) error {
	if err := js.DeleteStream(streamName); err != nil && !errors.Is(err, nats.ErrStreamNotFound) {
		return fmt.Errorf("deleting stream %s: %w", streamName, err)
	}
	_, err := js.AddStream(&nats.StreamConfig{Name: streamName, Subjects: []string{subject},
		Storage: nats.FileStorage})
	if err != nil {
		return fmt.Errorf("creating stream %s: %w", streamName, err)
	}
	return nil
}

// The mode functions return the run's result, the error that ended the run early (reported in the result), and
// an error that kept the run from being measured at all.

// publishAcked publishes with js.Publish, which waits for each PubAck: one message in flight.
func publishAcked(cfg config, g *gate, js nats.JetStreamContext) (result, error, error) {
	if err := g.open(); err != nil {
		return result{}, nil, err
	}
	startWatchdog(cfg)
	payload := make([]byte, cfg.size)
	start := time.Now()
	deadline := start.Add(cfg.limit)
	var published, acked int64
	var lastErr error
	for published < cfg.msgs && time.Now().Before(deadline) {
		published++
		if _, err := js.Publish(cfg.subject, payload); err != nil {
			lastErr = fmt.Errorf("publish: %w", err)
			break
		}
		acked++
	}
	return publishResult(cfg, published, acked, time.Since(start)), lastErr, nil
}

// publishAsync publishes with js.PublishAsync, at most -window PubAcks outstanding, and waits for the last of
// them with PublishAsyncComplete.
func publishAsync(cfg config, g *gate, js nats.JetStreamContext, failures *atomic.Int64) (result, error, error) {
	if err := g.open(); err != nil {
		return result{}, nil, err
	}
	startWatchdog(cfg)
	payload := make([]byte, cfg.size)
	start := time.Now()
	deadline := start.Add(cfg.limit)
	var published int64
	var lastErr error
	for published < cfg.msgs && (published%checkEvery != 0 || time.Now().Before(deadline)) {
		if err := publishWithinWindow(js, cfg.subject, payload); err != nil {
			lastErr = fmt.Errorf("publish: %w", err)
			break
		}
		published++
	}
	if err := awaitPubAcks(js, cfg.stall); err != nil && lastErr == nil {
		lastErr = err
	}
	elapsed := time.Since(start)
	acked := published - failures.Load() - int64(js.PublishAsyncPending())
	return publishResult(cfg, published, acked, elapsed), lastErr, nil
}

// publishWithinWindow publishes asynchronously, waiting while the window of outstanding PubAcks is full; a
// publish that stalled was not sent, so it is sent again until jsTimeout has passed.
func publishWithinWindow(js nats.JetStreamContext, subject string, payload []byte) error {
	deadline := time.Now().Add(jsTimeout)
	for {
		_, err := js.PublishAsync(subject, payload, nats.StallWait(stallRetry))
		if err == nil || !strings.Contains(err.Error(), stalled) || time.Now().After(deadline) {
			return err
		}
	}
}

func awaitPubAcks(js nats.JetStreamContext, stall time.Duration) error {
	select {
	case <-js.PublishAsyncComplete():
		return nil
	case <-time.After(stall):
		return fmt.Errorf("%d PubAcks outstanding after %v", js.PublishAsyncPending(), stall)
	}
}

// publishResult counts PubAcks as deliveries: throughput is acknowledged messages per second.
func publishResult(cfg config, published, acked int64, elapsed time.Duration) result {
	return result{
		Mode:          cfg.mode,
		PayloadSize:   cfg.size,
		Published:     published,
		Expected:      published,
		Delivered:     acked,
		Lost:          max64(0, published-acked),
		ElapsedNanos:  elapsed.Nanoseconds(),
		MsgsPerSecond: perSecond(acked, elapsed),
	}
}

// consumePrefilled fills the stream with -msgs messages (as many as -time allows) and creates a durable
// explicit-ack pull consumer, both before the go-ahead; then it fetches -batch messages at a time, acking each, until all are consumed and the
// consumer's ack floor has reached the last of them.
func consumePrefilled(cfg config, g *gate, nc *nats.Conn, js nats.JetStreamContext,
	failures *atomic.Int64) (result, error, error) {
	payload := make([]byte, cfg.size)
	// a server that stores slowly gets a stream as long as it took -time to fill
	prefillDeadline := time.Now().Add(cfg.limit)
	var prefilled int64
	for prefilled < cfg.msgs && (prefilled%checkEvery != 0 || time.Now().Before(prefillDeadline)) {
		if err := publishWithinWindow(js, cfg.subject, payload); err != nil {
			return result{}, nil, fmt.Errorf("pre-filling the stream: %w", err)
		}
		prefilled++
	}
	if err := awaitPubAcks(js, jsTimeout); err != nil {
		return result{}, nil, fmt.Errorf("pre-filling the stream: %w", err)
	}
	if failures.Load() > 0 {
		return result{}, nil, fmt.Errorf("pre-filling the stream: %d publishes failed", failures.Load())
	}
	if _, err := js.AddConsumer(streamName, &nats.ConsumerConfig{Durable: durableName,
		AckPolicy: nats.AckExplicitPolicy}); err != nil {
		return result{}, nil, fmt.Errorf("creating consumer %s: %w", durableName, err)
	}
	sub, err := js.PullSubscribe(cfg.subject, durableName, nats.Bind(streamName, durableName))
	if err != nil {
		return result{}, nil, err
	}
	defer sub.Unsubscribe()
	if err := nc.FlushTimeout(flushLimit); err != nil {
		return result{}, nil, err
	}
	if err := g.open(); err != nil {
		return result{}, nil, err
	}
	startWatchdog(cfg)
	start := time.Now()
	deadline := start.Add(cfg.limit)
	var consumed int64
	var lastErr error
	for consumed < prefilled && time.Now().Before(deadline) {
		msgs, err := sub.Fetch(cfg.batch, nats.MaxWait(jsTimeout))
		if err != nil {
			lastErr = fmt.Errorf("fetch: %w", err)
			break
		}
		for _, m := range msgs {
			if err := m.Ack(); err != nil {
				lastErr = fmt.Errorf("ack: %w", err)
				break
			}
			consumed++
		}
		if lastErr != nil {
			break
		}
	}
	if lastErr == nil {
		// messages whose acks the server has not processed count as not consumed
		consumed, lastErr = awaitAckFloor(js, consumed, cfg.stall)
	}
	// A run its time limit ended has consumed fewer messages and lost none; an error leaves the rest due.
	expected := consumed
	if lastErr != nil {
		expected = prefilled
	}
	elapsed := time.Since(start)
	return result{
		Mode:          cfg.mode,
		PayloadSize:   cfg.size,
		Subscribers:   1,
		Published:     prefilled,
		Expected:      expected,
		Delivered:     consumed,
		Lost:          expected - consumed,
		ElapsedNanos:  elapsed.Nanoseconds(),
		MsgsPerSecond: perSecond(consumed, elapsed),
	}, lastErr, nil
}

// awaitAckFloor waits until the server has processed every ack sent, so that the measured interval (and the
// server's CPU time read around it) includes them, and returns the consumer's ack floor.
func awaitAckFloor(js nats.JetStreamContext, consumed int64, stall time.Duration) (int64, error) {
	deadline := time.Now().Add(stall)
	for {
		info, err := js.ConsumerInfo(streamName, durableName)
		if err != nil {
			return 0, fmt.Errorf("consumer info: %w", err)
		}
		floor := int64(info.AckFloor.Consumer)
		if floor >= consumed && info.NumAckPending == 0 {
			return consumed, nil
		}
		if time.Now().After(deadline) {
			return floor, fmt.Errorf("ack floor %d of %d consumed after %v", floor, consumed, stall)
		}
		time.Sleep(pollPause)
	}
}
