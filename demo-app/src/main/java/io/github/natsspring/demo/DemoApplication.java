package io.github.natsspring.demo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An order service on NATS: orders come in over REST into a JetStream stream, which a durable worker
 * consumes, so no order is lost across restarts;
 * price quotes are asked of a pricing service by request-reply. With no {@code nats.servers} configured
 * everything runs on the embedded broker.
 */
@SpringBootApplication
public class DemoApplication {

	public static void main(String[] args) {
		SpringApplication.run(DemoApplication.class, args);
	}
}
