package io.github.natsspring.broker.leak;

import java.util.List;
import java.util.stream.Collectors;

/** Fails a test class, or the run, with the record of each leak Netty found. */
final class LeakFailure extends AssertionError {

	private static final long serialVersionUID = 1L;

	LeakFailure(String foundWhen, List<LeakReport> leaks) {
		super(message(foundWhen, leaks));
	}

	private static String message(String foundWhen, List<LeakReport> leaks) {
		String header = "Netty found " + leaks.size() + ((leaks.size() == 1) ? " leak " : " leaks ") + foundWhen
				+ ". A leak is found only once the leaked object has been garbage-collected, possibly during a later "
				+ "test class; the Hint under 'Created at' names the test class that was running when it was allocated.";
		return leaks.stream().map(LeakReport::describe).collect(Collectors.joining("\n\n", header + "\n\n", ""));
	}
}
