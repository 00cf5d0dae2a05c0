package io.github.natsspring.broker;

import java.nio.file.Path;
import java.util.Objects;

/**
 * JetStream, nats-server's persistence layer ({@code -js}, {@code -sd}, the {@code jetstream} block of a
 * configuration file): where streams are kept and how much memory and disk they may use. Immutable; build one
 * with {@link #builder()} or {@link #inDirectory(Path)}.
 */
public final class BrokerJetStream {

	private final Path storeDirectory;

	private final long maxMemoryStore;

	private final long maxFileStore;

	private BrokerJetStream(Builder builder) {
		this.storeDirectory = (builder.storeDirectory != null) ? builder.storeDirectory : defaultStoreDirectory();
		this.maxMemoryStore = builder.maxMemoryStore;
		this.maxFileStore = builder.maxFileStore;
		if (this.maxMemoryStore < -1 || this.maxFileStore < -1) {
			throw new IllegalArgumentException("maxMemoryStore and maxFileStore must be -1 (unlimited) or a size, were "
					+ this.maxMemoryStore + " and " + this.maxFileStore);
		}
	}

	/**
	 * A builder starting from nats-server's defaults: the temporary directory's {@code nats}, no limits.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * JetStream kept under a directory, without limits.
	 * @param storeDirectory the store directory ({@code -sd}); data lives in its {@code jetstream} subdirectory
	 * @return the settings
	 */
	public static BrokerJetStream inDirectory(Path storeDirectory) {
		return builder().storeDirectory(storeDirectory).build();
	}

	// nats-server: filepath.Join(os.TempDir(), "nats")
	private static Path defaultStoreDirectory() {
		return Path.of(System.getProperty("java.io.tmpdir"), "nats");
	}

	/**
	 * The store directory ({@code -sd}, {@code store_dir}). As nats-server, the broker keeps its data in the
	 * {@code jetstream} directory inside it.
	 * @return the directory, {@code <java.io.tmpdir>/nats} unless set
	 */
	public Path storeDirectory() {
		return this.storeDirectory;
	}

	/**
	 * The most bytes memory streams may hold together ({@code max_memory_store}).
	 * @return bytes, -1 for unlimited
	 */
	public long maxMemoryStore() {
		return this.maxMemoryStore;
	}

	/**
	 * The most bytes file streams may hold together ({@code max_file_store}).
	 * @return bytes, -1 for unlimited
	 */
	public long maxFileStore() {
		return this.maxFileStore;
	}

	/**
	 * A builder holding these settings, to derive changed copies.
	 * @return a new builder
	 */
	public Builder toBuilder() {
		return new Builder().storeDirectory(this.storeDirectory)
			.maxMemoryStore(this.maxMemoryStore)
			.maxFileStore(this.maxFileStore);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof BrokerJetStream that && this.storeDirectory.equals(that.storeDirectory)
				&& this.maxMemoryStore == that.maxMemoryStore && this.maxFileStore == that.maxFileStore;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.storeDirectory, this.maxMemoryStore, this.maxFileStore);
	}

	@Override
	public String toString() {
		return "BrokerJetStream[storeDirectory=" + this.storeDirectory + ", maxMemoryStore=" + this.maxMemoryStore
				+ ", maxFileStore=" + this.maxFileStore + "]";
	}

	/** Builder of {@link BrokerJetStream}. */
	public static final class Builder {

		private Path storeDirectory;

		private long maxMemoryStore = -1;

		private long maxFileStore = -1;

		private Builder() {
		}

		/**
		 * Sets the store directory (default: {@code <java.io.tmpdir>/nats}).
		 * @param storeDirectory the directory, or {@code null} for the default
		 * @return this builder
		 */
		public Builder storeDirectory(Path storeDirectory) {
			this.storeDirectory = storeDirectory;
			return this;
		}

		/**
		 * Sets the most bytes memory streams may hold together (default: unlimited).
		 * @param maxMemoryStore bytes, -1 for unlimited
		 * @return this builder
		 */
		public Builder maxMemoryStore(long maxMemoryStore) {
			this.maxMemoryStore = maxMemoryStore;
			return this;
		}

		/**
		 * Sets the most bytes file streams may hold together (default: unlimited).
		 * @param maxFileStore bytes, -1 for unlimited
		 * @return this builder
		 */
		public Builder maxFileStore(long maxFileStore) {
			this.maxFileStore = maxFileStore;
			return this;
		}

		/**
		 * Builds the settings.
		 * @return the settings
		 * @throws IllegalArgumentException when a limit is below -1
		 */
		public BrokerJetStream build() {
			return new BrokerJetStream(this);
		}
	}
}
