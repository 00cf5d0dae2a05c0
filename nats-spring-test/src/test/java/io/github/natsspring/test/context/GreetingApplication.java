package io.github.natsspring.test.context;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.natsspring.annotation.NatsListener;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A minimal application with one {@code @NatsListener}, for the Spring tests of {@code @EmbeddedNats}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class GreetingApplication {

	@Bean
	Greetings greetings() {
		return new Greetings();
	}

	/** Keeps every greeting its listener receives. */
	static class Greetings {

		private final List<String> received = new CopyOnWriteArrayList<>();

		@NatsListener(subjects = "greetings")
		void onGreeting(String greeting) {
			this.received.add(greeting);
		}

		List<String> received() {
			return this.received;
		}
	}
}
