package io.github.natsspring.broker.subject;

/**
 * A test subscriber: a name for readable assertions, identity for the trie (deliberately not a record).
 */
final class Subscriber {

	private final String name;

	Subscriber(String name) {
		this.name = name;
	}

	String name() {
		return this.name;
	}

	@Override
	public String toString() {
		return this.name;
	}

}
