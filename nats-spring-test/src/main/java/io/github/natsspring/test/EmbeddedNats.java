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
 * With {@link #clusterSize()} above 1 it runs that many brokers instead, routed to each other as a nats-server
 * cluster, all on random loopback ports; tests receive the {@link EmbeddedNatsCluster} to reach every node and stop
 * or restart one, an {@link EmbeddedNatsServer} (and its URL) is the first node, and a {@code Connection} parameter
 * (or the application's connection in a Spring test) knows every node and fails over between them.
 * <p>
 * With {@link #jetStream()} a single broker runs JetStream, storing in a temporary directory of its own that is kept
 * across restarts and removed when the broker is closed (after the test class, or when the context closes).
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

	/**
	 * How many brokers to run, routed to each other as one cluster; every node requires the same credentials.
	 * @return the number of nodes, 1 (a single broker, no cluster) unless set
	 */
	int clusterSize() default 1;

	/**
	 * Whether the broker runs JetStream, storing in a temporary directory removed when it is closed. Only for a
	 * single broker ({@link #clusterSize()} 1).
	 * @return whether JetStream is enabled, {@code false} unless set
	 */
	boolean jetStream() default false;
}
