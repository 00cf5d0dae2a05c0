/**
 * JetStream support: publishing with acknowledgements ({@link io.github.natsspring.jetstream.JetStreamTemplate}),
 * streams and key-value buckets declared as beans ({@link io.github.natsspring.jetstream.JetStreamAdmin}) and
 * typed key-value access ({@link io.github.natsspring.jetstream.KeyValueTemplate}).
 */
@NullMarked
package io.github.natsspring.jetstream;

import org.jspecify.annotations.NullMarked;
