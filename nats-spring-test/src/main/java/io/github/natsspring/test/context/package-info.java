/**
 * Spring TestContext support for {@link io.github.natsspring.test.EmbeddedNats}: the context customizer that gives
 * a test's application context its own broker and the connection details that point the auto-configuration at it.
 */
@NullMarked
package io.github.natsspring.test.context;

import org.jspecify.annotations.NullMarked;
