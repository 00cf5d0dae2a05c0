/**
 * The NATS client protocol as bytes: {@link io.github.natsspring.broker.protocol.ClientProtocolDecoder}
 * parses what clients send, {@link io.github.natsspring.broker.protocol.ServerFrames} writes what the
 * server sends, both faithful to nats-server 2.9.10. Works on Netty buffers but knows nothing of
 * channels or connections.
 */
package io.github.natsspring.broker.protocol;
