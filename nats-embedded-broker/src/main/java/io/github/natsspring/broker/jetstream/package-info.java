/**
 * JetStream in the broker: streams, the {@code $JS.API} dispatcher and the publish path, on top of the stores of
 * {@code broker.jetstream.store}; consumers live in {@code broker.jetstream.consumer}.
 *
 * <h2>The seam between streams and consumers</h2>
 * <ul>
 * <li><b>Start.</b> {@link io.github.natsspring.broker.jetstream.JetStreamService} is started by the broker when
 * {@code NatsBrokerOptions.jetStream()} is set, in account {@code $G}, with the consumer package's
 * {@link io.github.natsspring.broker.jetstream.ConsumerSupport} (the broker's server creates
 * {@code JetStreamConsumers}, so this package does not depend on the consumer package). It calls
 * {@link io.github.natsspring.broker.jetstream.ConsumerSupport#start} with the
 * {@link io.github.natsspring.broker.jetstream.JetStreamContext}, then recovers the streams, calling
 * {@link io.github.natsspring.broker.jetstream.ConsumerSupport#attach} for each on the stream's executor (the
 * consumer package recovers that stream's consumers there), then subscribes {@code $JS.API.>}.</li>
 * <li><b>Internal client.</b> {@link io.github.natsspring.broker.jetstream.InternalClient}: {@code subscribe(subject,
 * handler)} and {@code publish(subject, reply, headers, payload)} in {@code $G}. Handlers run on the publisher's
 * event loop with a copied {@link io.github.natsspring.broker.jetstream.InternalMessage}: never block there, hand
 * off to {@link io.github.natsspring.broker.jetstream.Stream#executor()}. A publish from a non-event-loop thread is
 * flushed to the receiving clients at once. The consumer package subscribes {@code $JS.ACK.>} and
 * {@code $JS.FC.>} itself and delivers with {@code publish}.</li>
 * <li><b>API.</b> {@link io.github.natsspring.broker.jetstream.api.ApiRouter#register}{@code (kind, responseType,
 * handler)}: {@code "CONSUMER.CREATE"}, {@code "CONSUMER.DURABLE.CREATE"}, {@code "CONSUMER.INFO"},
 * {@code "CONSUMER.NAMES"}, {@code "CONSUMER.LIST"}, {@code "CONSUMER.DELETE"}, {@code "CONSUMER.MSG.NEXT"}; the
 * longest registered kind wins. Handlers run on the single API thread; the remaining subject tokens are
 * {@link io.github.natsspring.broker.jetstream.api.ApiRequest#arguments()}; answer with
 * {@code request.response()} … {@code request.respond(json)}, or throw
 * {@link io.github.natsspring.broker.jetstream.api.ApiException} with an
 * {@link io.github.natsspring.broker.jetstream.api.ApiError} (nats-server's err_codes); hop to a stream's
 * executor with {@code request.executeOn(stream.executor(), …)} (exceptions there are answered too).
 * {@link io.github.natsspring.broker.jetstream.api.JsonObject} reads bodies as Go does,
 * {@link io.github.natsspring.broker.jetstream.api.JsonWriter} writes Go-escaped JSON.</li>
 * <li><b>Streams.</b> {@link io.github.natsspring.broker.jetstream.JetStreamContext#stream(String)} finds a
 * {@link io.github.natsspring.broker.jetstream.Stream}: name, {@link io.github.natsspring.broker.jetstream.StreamConfig}
 * (retention, storage…), {@code store()} (the {@code MessageStore}, with {@code consumer(name, ackPolicy)} for
 * consumer state), {@code executor()}, {@code created()}. The stream calls its
 * {@link io.github.natsspring.broker.jetstream.StreamConsumers} on its executor: {@code messageStored} after each
 * stored message (after its PubAck), {@code messageRemoved} for every removal, {@code hasInterest(subject)} for
 * interest retention, {@code streamPurged(filter, first, last)} after a purge or roll-up, {@code streamUpdated}, {@code close} at broker stop and {@code delete} at stream delete;
 * {@code count()} (any thread) is the stream info's {@code consumer_count}. Workqueue and interest acks remove
 * messages with {@link io.github.natsspring.broker.jetstream.Stream#removeAcknowledged(long)} on the executor. The
 * workqueue/interest consumer checks (10099, 10100, 10098) are the consumer package's, using
 * {@code stream.config().retention()} and its own consumers.</li>
 * <li><b>Timers.</b> {@link io.github.natsspring.broker.jetstream.JetStreamContext#scheduler()}, a shared scheduler;
 * hop to the stream's executor from its tasks.</li>
 * </ul>
 */
package io.github.natsspring.broker.jetstream;
