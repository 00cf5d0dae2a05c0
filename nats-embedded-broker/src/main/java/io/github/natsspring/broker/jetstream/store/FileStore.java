package io.github.natsspring.broker.jetstream.store;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A stream kept in files ({@code "storage":"file"}) in its own directory:
 * <ul>
 * <li>{@code meta.json}: the caller's metadata, replaced atomically;</li>
 * <li>{@code msgs/<n>.blk}: append-only blocks of {@link BlockRecords records}, numbered from 1; a new block
 * starts past {@link FileStoreOptions#blockSize()}, and a block is deleted once none of its messages is held and
 * no older block is left;</li>
 * <li>{@code obs/<consumer>/}: each consumer's state, see {@link ConsumerStore}.</li>
 * </ul>
 * A store writes its record (with the removals the limits then make) in one write before {@link #store} returns,
 * and forces it too unless told otherwise ({@link FileStoreOptions#forceEachWrite()}). Removals are recorded as
 * delete records or, when they take the head, as a first-sequence record; a full purge starts a new block with a
 * first-sequence record and deletes all the others. Opening reads every block and rebuilds the index: a record
 * running past the end of its file or with a bad checksum at the end is a torn write, cut off and logged; one
 * with a bad checksum before other records is skipped and logged; the current limits are applied to what was
 * read. Bytes are counted as nats-server's file store counts them. Threading as {@link MessageStore} says.
 */
public final class FileStore extends IndexedMessageStore<FileStore.FileEntry> {

	private static final System.Logger LOG = System.getLogger(FileStore.class.getName());

	private static final String BLOCK_SUFFIX = ".blk";

	private final FileStoreOptions options;

	private final Path messagesDirectory;

	private final Path consumersDirectory;

	private final List<Block> blocks = new ArrayList<>();

	private Block active;

	private ByteBuffer batch = ByteBuffer.allocate(64 * 1024);

	/** Bytes appended since opening: what a commit returns and a force covers. */
	private long written;

	private final Object syncMonitor = new Object();

	private long forced;

	private boolean forcing;

	private FileStore(String name, StoreLimits limits, FileStoreOptions options) {
		super(name, limits);
		this.options = options;
		this.messagesDirectory = options.directory().resolve("msgs");
		this.consumersDirectory = options.directory().resolve("obs");
	}

	/**
	 * Opens a stream's directory, creating it when missing, and recovers what it holds.
	 * @param name the stream's name
	 * @param limits the stream's limits, applied to what is recovered
	 * @param options where and how to keep it
	 * @return the open store
	 * @throws UncheckedIOException when the directory cannot be read or written
	 */
	public static FileStore open(String name, StoreLimits limits, FileStoreOptions options) {
		FileStore store = new FileStore(name, limits, options);
		long commit;
		store.lock.lock();
		try {
			store.recover();
			commit = store.restored();
		}
		catch (IOException ex) {
			store.close();
			throw new UncheckedIOException("Could not open stream store in " + options.directory(), ex);
		}
		catch (RuntimeException ex) {
			store.close();
			throw ex;
		}
		finally {
			store.lock.unlock();
		}
		store.awaitCommitted(commit);
		return store;
	}

	private void recover() throws IOException {
		Files.createDirectories(this.messagesDirectory);
		List<Path> files = new ArrayList<>();
		try (DirectoryStream<Path> listing = Files.newDirectoryStream(this.messagesDirectory, "*" + BLOCK_SUFFIX)) {
			listing.forEach(files::add);
		}
		files.sort(Comparator.comparingLong(FileStore::blockNumber));
		for (Path file : files) {
			Block block = new Block(blockNumber(file), file,
					FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE));
			this.blocks.add(block);
			replay(block);
		}
		if (this.blocks.isEmpty()) {
			this.blocks.add(newBlock(1));
		}
		this.active = this.blocks.get(this.blocks.size() - 1);
	}

	private void replay(Block block) throws IOException {
		long fileSize = block.channel.size();
		if (fileSize > Integer.MAX_VALUE) {
			throw new IOException(block.path + " is larger than 2 GiB");
		}
		int size = (int) fileSize;
		ByteBuffer data = ByteBuffer.allocate(size);
		ChannelIo.readFully(block.channel, data, 0);
		int offset = 0;
		while (offset < size) {
			int remaining = size - offset;
			int length = (remaining < 4) ? -1 : data.getInt(offset);
			if (length < BlockRecords.MIN_LENGTH || length > remaining) {
				cutTornTail(block, offset, size);
				return;
			}
			if (!BlockRecords.checksumMatches(data, offset, length)) {
				if (offset + length == size) {
					cutTornTail(block, offset, size);
					return;
				}
				LOG.log(Level.WARNING, "Skipped a corrupt record in " + block.path + ": " + length
						+ " bytes at offset " + offset + " fail their checksum");
			}
			else {
				replayRecord(block, data, offset, length);
			}
			offset += length;
		}
		block.size = size;
	}

	private void replayRecord(Block block, ByteBuffer data, int offset, int length) {
		long sequence = BlockRecords.sequence(data, offset);
		switch (BlockRecords.type(data, offset)) {
			case BlockRecords.MESSAGE -> {
				String subject = BlockRecords.subject(data, offset);
				int headerLength = BlockRecords.headerLength(data, offset);
				long size = sizeOf(BlockRecords.subjectLength(data, offset), headerLength,
						BlockRecords.payloadLength(data, offset, length));
				FileEntry entry = new FileEntry(sequence, BlockRecords.timestamp(data, offset), subject, size, block,
						offset, length);
				if (restore(entry)) {
					block.live++;
				}
				else {
					LOG.log(Level.WARNING, "Skipped message " + sequence + " in " + block.path + " at offset " + offset
							+ ": its sequence is not past those read before it");
				}
			}
			case BlockRecords.DELETE -> restoreRemoval(sequence);
			case BlockRecords.FIRST -> restoreFirst(sequence, BlockRecords.timestamp(data, offset));
			case BlockRecords.ERASED -> {
			}
			default -> LOG.log(Level.WARNING,
					"Skipped a record of unknown type in " + block.path + " at offset " + offset);
		}
	}

	private void cutTornTail(Block block, int offset, int size) throws IOException {
		LOG.log(Level.WARNING, "Dropped a torn record at the end of " + block.path + ": " + (size - offset)
				+ " bytes from offset " + offset);
		block.channel.truncate(offset);
		block.size = offset;
	}

	@Override
	long sizeOf(int subjectLength, int headerLength, int payloadLength) {
		return (headerLength == 0) ? 22 + subjectLength + payloadLength + 8
				: 22 + subjectLength + 4 + headerLength + payloadLength + 8;
	}

	@Override
	FileEntry append(long sequence, long timestamp, String subject, byte[] subjectBytes, byte[] headers,
			byte[] payload) {
		if (subjectBytes.length > 0xFFFF) {
			throw new IllegalArgumentException("subject longer than 65535 bytes");
		}
		int headerLength = (headers == null) ? 0 : headers.length;
		int length = BlockRecords.messageLength(subjectBytes.length, headerLength, payload.length);
		long used = this.active.size + this.batch.position();
		if (used > 0 && used + length > this.options.blockSize()) {
			writeBatch();
			roll();
		}
		long offset = this.active.size + this.batch.position();
		ensureBatchRoom(length);
		BlockRecords.putMessage(this.batch, sequence, timestamp, subjectBytes, headers, payload);
		this.active.live++;
		return new FileEntry(sequence, timestamp, subject, sizeOf(subjectBytes.length, headerLength, payload.length),
				this.active, offset, length);
	}

	@Override
	StoredMessage read(FileEntry entry) {
		ByteBuffer record = ByteBuffer.allocate(entry.length);
		try {
			ChannelIo.readFully(entry.block.channel, record, entry.offset);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read message " + entry.sequence + " from " + entry.block.path, ex);
		}
		return BlockRecords.message(record, entry.length);
	}

	@Override
	void removed(FileEntry entry, boolean erase) {
		entry.block.live--;
		if (erase) {
			ByteBuffer erased = ByteBuffer.allocate(entry.length);
			BlockRecords.putErased(erased, entry.sequence, entry.length);
			try {
				ChannelIo.writeFully(entry.block.channel, erased.flip(), entry.offset);
				if (this.options.forceEachWrite()) {
					entry.block.channel.force(false);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not erase message " + entry.sequence + " in " + entry.block.path,
						ex);
			}
		}
	}

	@Override
	void recordRemovals(List<FileEntry> removed, boolean firstMoved, long firstSequence, long lastTimestamp) {
		if (firstMoved) {
			ensureBatchRoom(BlockRecords.FIRST_LENGTH);
			BlockRecords.putFirst(this.batch, firstSequence, lastTimestamp);
		}
		for (FileEntry entry : removed) {
			if (entry.sequence > firstSequence) {
				ensureBatchRoom(BlockRecords.DELETE_LENGTH);
				BlockRecords.putDelete(this.batch, entry.sequence);
			}
		}
	}

	@Override
	void recordPurge(long next, long lastTimestamp) {
		writeBatch();
		if (this.active.size > 0) {
			roll();
		}
		ensureBatchRoom(BlockRecords.FIRST_LENGTH);
		BlockRecords.putFirst(this.batch, next, lastTimestamp);
	}

	@Override
	long commit() {
		writeBatch();
		while (this.blocks.size() > 1 && this.blocks.get(0).live == 0) {
			Block head = this.blocks.remove(0);
			try {
				head.channel.close();
				Files.delete(head.path);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not delete " + head.path, ex);
			}
		}
		return this.written;
	}

	@Override
	void awaitDurable(long commit) {
		if (this.options.forceEachWrite()) {
			forceTo(commit);
		}
	}

	@Override
	public void sync() {
		long commit;
		this.lock.lock();
		try {
			ensureOpen();
			commit = this.written;
		}
		finally {
			this.lock.unlock();
		}
		try {
			forceTo(commit);
		}
		catch (UncheckedIOException ex) {
			throw failed(ex);
		}
	}

	/**
	 * Forces the active block up to a commit. One caller forces while the others wait; each force covers
	 * everything written when it began, so a caller whose bytes were written before it started returns with it.
	 */
	private void forceTo(long commit) {
		synchronized (this.syncMonitor) {
			while (this.forced < commit) {
				if (!this.forcing) {
					this.forcing = true;
					break;
				}
				try {
					this.syncMonitor.wait();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new UncheckedIOException(new InterruptedIOException("interrupted waiting for a force"));
				}
			}
			if (this.forced >= commit) {
				return;
			}
		}
		long target = 0;
		boolean done = false;
		try {
			FileChannel channel;
			this.lock.lock();
			try {
				target = this.written;
				channel = this.active.channel;
			}
			finally {
				this.lock.unlock();
			}
			// blocks rolled away from were forced as they rolled, so the active one is all that is left
			channel.force(false);
			done = true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not force " + this.messagesDirectory, ex);
		}
		finally {
			synchronized (this.syncMonitor) {
				this.forcing = false;
				if (done) {
					this.forced = Math.max(this.forced, target);
				}
				this.syncMonitor.notifyAll();
			}
		}
	}

	private void writeBatch() {
		if (this.batch.position() == 0) {
			return;
		}
		this.batch.flip();
		try {
			int count = ChannelIo.writeFully(this.active.channel, this.batch, this.active.size);
			this.active.size += count;
			this.written += count;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write to " + this.active.path, ex);
		}
		finally {
			this.batch.clear();
		}
	}

	private void roll() {
		try {
			this.active.channel.force(false);
			Block next = newBlock(this.active.number + 1);
			this.blocks.add(next);
			this.active = next;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start a block after " + this.active.path, ex);
		}
	}

	private Block newBlock(long number) throws IOException {
		Path file = this.messagesDirectory.resolve(number + BLOCK_SUFFIX);
		return new Block(number, file,
				FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE));
	}

	private void ensureBatchRoom(int length) {
		if (this.batch.remaining() < length) {
			ByteBuffer larger = ByteBuffer.allocate(Math.max(this.batch.capacity() * 2, this.batch.position() + length));
			this.batch.flip();
			larger.put(this.batch);
			this.batch = larger;
		}
	}

	@Override
	public void writeMetadata(byte[] metadata) {
		this.lock.lock();
		try {
			ensureOpen();
			AtomicFiles.write(this.options.directory().resolve("meta.json"), metadata);
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public byte[] metadata() {
		this.lock.lock();
		try {
			ensureOpen();
			return AtomicFiles.read(this.options.directory().resolve("meta.json"));
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	ConsumerStore openConsumer(String consumer, AckPolicy ackPolicy) {
		return FileConsumerStore.open(consumer, ackPolicy, this.consumersDirectory.resolve(consumer), scheduler());
	}

	@Override
	void deleteConsumerState(String consumer) {
		AtomicFiles.deleteTree(this.consumersDirectory.resolve(consumer));
	}

	@Override
	public Set<String> consumerNames() {
		this.lock.lock();
		try {
			ensureOpen();
			Set<String> names = new TreeSet<>(openConsumerNames());
			if (Files.isDirectory(this.consumersDirectory)) {
				try (Stream<Path> listing = Files.list(this.consumersDirectory)) {
					listing.filter(Files::isDirectory).forEach((path) -> names.add(path.getFileName().toString()));
				}
				catch (IOException ex) {
					throw new UncheckedIOException("Could not list " + this.consumersDirectory, ex);
				}
			}
			return names;
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	void release(boolean delete) {
		for (Block block : this.blocks) {
			try {
				block.channel.close();
			}
			catch (IOException ex) {
				LOG.log(Level.WARNING, "Could not close " + block.path + ": " + ex);
			}
		}
		if (delete) {
			AtomicFiles.deleteTree(this.options.directory());
		}
	}

	private static long blockNumber(Path file) {
		String name = file.getFileName().toString();
		try {
			return Long.parseLong(name.substring(0, name.length() - BLOCK_SUFFIX.length()));
		}
		catch (NumberFormatException ex) {
			throw new IllegalStateException("unexpected block file " + file, ex);
		}
	}

	/** One block file. */
	private static final class Block {

		final long number;

		final Path path;

		final FileChannel channel;

		/** Bytes of whole records in the file. */
		long size;

		/** Held messages stored in this block. */
		int live;

		Block(long number, Path path, FileChannel channel) {
			this.number = number;
			this.path = path;
			this.channel = channel;
		}
	}

	/** A held message and where its record is. */
	static final class FileEntry extends IndexEntry {

		private final Block block;

		private final long offset;

		private final int length;

		FileEntry(long sequence, long timestamp, String subject, long size, Block block, long offset, int length) {
			super(sequence, timestamp, subject, size);
			this.block = block;
			this.offset = offset;
			this.length = length;
		}
	}
}
