/**
 * The JetStream API on {@code $JS.API.>}: the dispatcher, requests and their JSON responses, nats-server's error
 * codes, and the JSON reader and writer the handlers share.
 */
package io.github.natsspring.broker.jetstream.api;
