package io.github.natsspring.broker.jetstream.store;

/**
 * The shared store behaviour on a {@link MemoryStore}.
 */
class MemoryStoreTests extends MessageStoreContractTests {

	@Override
	MessageStore create(StoreLimits limits) {
		return new MemoryStore("S", limits);
	}

	@Override
	long sizeOf(String subject, byte[] headers, byte[] payload) {
		return subject.length() + ((headers == null) ? 0 : headers.length) + payload.length + 16;
	}
}
