package main

import (
	"errors"
	"time"

	"github.com/nats-io/nats.go"
)

const requestTimeout = 5 * time.Second

// runRequests sends sequential requests, one in flight at a time, to a responder on its own connection.
func runRequests(cfg config, g *gate) error {
	events := &eventLog{}
	responder, err := events.connect(cfg, "natsload-responder", false)
	if err != nil {
		return err
	}
	defer responder.Close()
	if _, err := responder.Subscribe(cfg.subject, func(m *nats.Msg) { m.Respond(m.Data) }); err != nil {
		return err
	}
	if err := responder.FlushTimeout(flushLimit); err != nil {
		return err
	}
	requester, err := events.connect(cfg, "natsload-requester", false)
	if err != nil {
		return err
	}
	defer requester.Close()
	if err := requester.FlushTimeout(flushLimit); err != nil {
		return err
	}
	describeTLS(requester)
	if err := g.open(); err != nil {
		return err
	}
	startWatchdog(cfg)

	payload := make([]byte, cfg.size)
	roundTrips := make([]time.Duration, 0, cfg.msgs)
	var sent, timeouts int64
	var lastErr error
	start := time.Now()
	deadline := start.Add(cfg.limit)
	for sent < cfg.msgs && time.Now().Before(deadline) {
		began := time.Now()
		_, err := requester.Request(cfg.subject, payload, requestTimeout)
		sent++
		if err != nil {
			timeouts++
			lastErr = err
			if !errors.Is(err, nats.ErrTimeout) {
				break
			}
			continue
		}
		roundTrips = append(roundTrips, time.Since(began))
	}
	elapsed := time.Since(start)
	sortDurations(roundTrips)
	res := result{
		Mode:             cfg.mode,
		PayloadSize:      cfg.size,
		Published:        sent,
		Expected:         sent,
		Delivered:        int64(len(roundTrips)),
		Lost:             timeouts,
		ElapsedNanos:     elapsed.Nanoseconds(),
		MsgsPerSecond:    perSecond(int64(len(roundTrips)), elapsed),
		Requests:         sent,
		Timeouts:         timeouts,
		P50Micros:        percentileMicros(roundTrips, 50),
		P99Micros:        percentileMicros(roundTrips, 99),
		P999Micros:       percentileMicros(roundTrips, 99.9),
		connectionEvents: events.snapshot(),
	}
	res.note(lastErr)
	g.hold(res)
	return nil
}
