package io.github.natsspring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.natsspring.broker.BrokerLimits;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a real embedded NATS broker on a random loopback port for the annotated test class.
 * <p>
 * Without Spring the broker starts before the class's first test and stops after its last; tests receive it as
 * an {@link EmbeddedNatsServer} (a parameter or a field), its URL as a {@link EmbeddedNatsUrl}-annotated
 * {@code String} or {@link java.net.URI}, and a jnats {@link io.nats.client.Connection} parameter connected to it
 * (closed after the test).
 * <p>
 * In a Spring test ({@code @SpringBootTest}) the broker belongs to the application context instead: the context
 * gets a {@code NatsConnectionDetails} bean pointing at it, so the auto-configuration connects there and starts
 * no broker of its own, and the broker stops when the context closes. Contexts cached across test classes keep
 * their broker; a broker a test class stopped is started again after that class.
 * <p>
 * JetStream and clusters are not offered: the broker does not implement them yet.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EmbeddedNatsExtension.class)
public @interface EmbeddedNats {

	/**
	 * The token clients must present; empty for none. Not together with {@link #username()}.
	 * @return the token
	 */
	String token() default "";

	/**
	 * The one user clients must authenticate as; empty for none. Needs {@link #password()}.
	 * @return the user name
	 */
	String username() default "";

	/**
	 * The password of {@link #username()}.
	 * @return the password
	 */
	String password() default "";

	/**
	 * The name the broker gives in INFO ({@code server_name}); empty for its generated server id.
	 * @return the server name
	 */
	String serverName() default "";

	/**
	 * The largest payload the broker accepts, in bytes.
	 * @return the maximum payload, 1 MB unless set
	 */
	int maxPayload() default BrokerLimits.DEFAULT_MAX_PAYLOAD;
}
