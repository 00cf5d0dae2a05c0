package io.github.natsspring.broker.jetstream.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where and how a {@link FileStore} keeps a stream. Immutable; build one with {@link #builder(Path)}.
 */
public final class FileStoreOptions {

	/** The default block size: 8 MiB, nats-server's block size for a limits stream of unknown size. */
	public static final int DEFAULT_BLOCK_SIZE = 8 * 1024 * 1024;

	private final Path directory;

	private final int blockSize;

	private final boolean forceEachWrite;

	private FileStoreOptions(Builder builder) {
		this.directory = builder.directory;
		if (builder.blockSize < 64) {
			throw new IllegalArgumentException("blockSize must be at least 64 bytes, was " + builder.blockSize);
		}
		this.blockSize = builder.blockSize;
		this.forceEachWrite = builder.forceEachWrite;
	}

	/**
	 * A builder for a stream kept in a directory, e.g. {@code <store_dir>/jetstream/$G/streams/<name>}.
	 * @param directory the stream's own directory, created when missing
	 * @return a new builder with the defaults
	 */
	public static Builder builder(Path directory) {
		return new Builder(Objects.requireNonNull(directory, "directory"));
	}

	/**
	 * The stream's directory.
	 * @return the directory holding {@code meta.json}, {@code msgs/} and {@code obs/}
	 */
	public Path directory() {
		return this.directory;
	}

	/**
	 * The size past which a new block file is started; a single larger message gets a block of its own.
	 * @return bytes
	 */
	public int blockSize() {
		return this.blockSize;
	}

	/**
	 * Whether every write is forced to the device before the call that made it returns (concurrent callers
	 * share one force). Without it a write reaches the operating system before returning, which survives the
	 * process being killed but not the machine crashing: nats-server 2.9.10's promise for single-node streams.
	 * Either way {@link MessageStore#sync()} forces what was written.
	 * @return whether each write is forced
	 */
	public boolean forceEachWrite() {
		return this.forceEachWrite;
	}

	/**
	 * Builds {@link FileStoreOptions}.
	 */
	public static final class Builder {

		private final Path directory;

		private int blockSize = DEFAULT_BLOCK_SIZE;

		private boolean forceEachWrite = true;

		private Builder(Path directory) {
			this.directory = directory;
		}

		/**
		 * Sets the block size.
		 * @param blockSize bytes past which a new block starts, at least 64
		 * @return this builder
		 */
		public Builder blockSize(int blockSize) {
			this.blockSize = blockSize;
			return this;
		}

		/**
		 * Sets whether every write is forced to the device before returning; on by default.
		 * @param forceEachWrite whether to force each write
		 * @return this builder
		 */
		public Builder forceEachWrite(boolean forceEachWrite) {
			this.forceEachWrite = forceEachWrite;
			return this;
		}

		/**
		 * Builds the options.
		 * @return immutable options
		 */
		public FileStoreOptions build() {
			return new FileStoreOptions(this);
		}
	}
}
