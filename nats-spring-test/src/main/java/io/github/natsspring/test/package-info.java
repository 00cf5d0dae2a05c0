/**
 * Test support with the embedded broker: {@link io.github.natsspring.test.EmbeddedNats} starts a real broker per
 * test class, {@link io.github.natsspring.test.EmbeddedNatsServer} restarts or disconnects it mid-test and
 * {@link io.github.natsspring.test.SubjectRecorder} waits for messages without sleeping.
 */
@NullMarked
package io.github.natsspring.test;

import org.jspecify.annotations.NullMarked;
