package io.github.natsspring.broker.jetstream.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;

/**
 * A consumer's state in its directory of a {@link FileStore}: {@code meta.json} (the caller's bytes, replaced
 * atomically) and two state slots, {@code state.0} and {@code state.1}, written in turn after every change so a
 * torn write leaves the previous state readable. Changes are coalesced: the state is written at most every
 * {@value #WRITE_INTERVAL_MILLIS} ms and at close, as nats-server flushes consumer state (a consumer that writes
 * on every delivery and ack would rewrite its whole pending set per message). A slot holds its length, a generation that grows with every
 * write, the delivered and ack-floor pairs, the pending deliveries and the delivery counts, then a CRC32C of all
 * of it; opening takes the readable slot with the highest generation. Writes are not forced, whatever the
 * stream does: they survive the process being killed, and an operating-system crash can only take the state
 * back to an earlier one, which redelivers, never loses, a message (as nats-server, which flushes consumer
 * state in the background). A killed process may likewise lose the last interval's changes: redeliveries again.
 */
final class FileConsumerStore extends TrackingConsumerStore {

	private static final System.Logger LOG = System.getLogger(FileConsumerStore.class.getName());

	private static final int FIXED_SIZE = 4 + 8 + 4 * 8 + 4 + 4 + 4;

	static final long WRITE_INTERVAL_MILLIS = 100;

	private final Path directory;

	private final FileChannel[] slots = new FileChannel[2];

	private final ScheduledExecutorService scheduler;

	private long generation;

	/** Whether a change waits for the scheduled write; guarded by this store's monitor. */
	private boolean writeScheduled;

	private boolean released;

	private FileConsumerStore(String name, AckPolicy ackPolicy, Path directory, ScheduledExecutorService scheduler) {
		super(name, ackPolicy);
		this.directory = directory;
		this.scheduler = scheduler;
	}

	/**
	 * Opens a consumer's directory, creating it, and recovers the state it holds.
	 * @param scheduler where the coalesced writes run: the stream's own thread
	 */
	static FileConsumerStore open(String name, AckPolicy ackPolicy, Path directory,
			ScheduledExecutorService scheduler) {
		FileConsumerStore store = new FileConsumerStore(name, ackPolicy, directory, scheduler);
		try {
			Files.createDirectories(directory);
			ConsumerState recovered = null;
			for (int slot = 0; slot < 2; slot++) {
				store.slots[slot] = FileChannel.open(directory.resolve("state." + slot), StandardOpenOption.CREATE,
						StandardOpenOption.READ, StandardOpenOption.WRITE);
				Decoded decoded = decode(store.slots[slot]);
				if (decoded != null && (recovered == null || decoded.generation > store.generation)) {
					recovered = decoded.state;
					store.generation = decoded.generation;
				}
				else if (decoded == null && store.slots[slot].size() > 0) {
					LOG.log(Level.WARNING, "Ignoring unreadable consumer state in " + directory.resolve("state." + slot));
				}
			}
			if (recovered != null) {
				store.restore(recovered);
			}
			return store;
		}
		catch (IOException ex) {
			store.release();
			throw new UncheckedIOException("Could not open consumer state in " + directory, ex);
		}
	}

	@Override
	void changed() {
		if (this.writeScheduled) {
			return;
		}
		try {
			this.scheduler.schedule(this::writeScheduledChanges, WRITE_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
			this.writeScheduled = true;
		}
		catch (RejectedExecutionException ex) {
			// the stream is shutting down: nothing will write later
			write();
		}
	}

	private synchronized void writeScheduledChanges() {
		if (this.writeScheduled && !this.released) {
			this.writeScheduled = false;
			write();
		}
	}

	private void write() {
		ConsumerState state = snapshot();
		this.generation++;
		ByteBuffer buffer = encode(state, this.generation);
		FileChannel channel = this.slots[(int) (this.generation & 1)];
		try {
			ChannelIo.writeFully(channel, buffer, 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write consumer state in " + this.directory, ex);
		}
	}

	@Override
	void release() {
		if (this.writeScheduled && this.slots[1] != null) {
			this.writeScheduled = false;
			write();
		}
		this.released = true;
		for (FileChannel channel : this.slots) {
			if (channel != null) {
				try {
					channel.close();
				}
				catch (IOException ex) {
					LOG.log(Level.WARNING, "Could not close consumer state in " + this.directory + ": " + ex);
				}
			}
		}
	}

	@Override
	public synchronized void writeMetadata(byte[] metadata) {
		ensureOpen();
		AtomicFiles.write(this.directory.resolve("meta.json"), metadata);
	}

	@Override
	public synchronized byte[] metadata() {
		ensureOpen();
		return AtomicFiles.read(this.directory.resolve("meta.json"));
	}

	private static ByteBuffer encode(ConsumerState state, long generation) {
		int length = FIXED_SIZE + state.pending().size() * 24 + state.deliveryCounts().size() * 12;
		ByteBuffer buffer = ByteBuffer.allocate(length);
		buffer.putInt(length).putLong(generation);
		buffer.putLong(state.delivered().consumerSequence()).putLong(state.delivered().streamSequence());
		buffer.putLong(state.ackFloor().consumerSequence()).putLong(state.ackFloor().streamSequence());
		buffer.putInt(state.pending().size());
		for (Map.Entry<Long, PendingDelivery> pending : state.pending().entrySet()) {
			buffer.putLong(pending.getKey()).putLong(pending.getValue().consumerSequence())
				.putLong(pending.getValue().timestamp());
		}
		buffer.putInt(state.deliveryCounts().size());
		for (Map.Entry<Long, Integer> count : state.deliveryCounts().entrySet()) {
			buffer.putLong(count.getKey()).putInt(count.getValue());
		}
		CRC32C crc = new CRC32C();
		crc.update(buffer.array(), 0, length - 4);
		buffer.putInt((int) crc.getValue());
		return buffer.flip();
	}

	private static Decoded decode(FileChannel channel) throws IOException {
		long size = channel.size();
		if (size < FIXED_SIZE) {
			return null;
		}
		ByteBuffer head = ByteBuffer.allocate(4);
		ChannelIo.readFully(channel, head, 0);
		int length = head.getInt(0);
		if (length < FIXED_SIZE || length > size) {
			return null;
		}
		ByteBuffer buffer = ByteBuffer.allocate(length);
		ChannelIo.readFully(channel, buffer, 0);
		CRC32C crc = new CRC32C();
		crc.update(buffer.array(), 0, length - 4);
		if ((int) crc.getValue() != buffer.getInt(length - 4)) {
			return null;
		}
		buffer.position(4);
		long generation = buffer.getLong();
		SequencePair delivered = new SequencePair(buffer.getLong(), buffer.getLong());
		SequencePair ackFloor = new SequencePair(buffer.getLong(), buffer.getLong());
		int pendingCount = buffer.getInt();
		TreeMap<Long, PendingDelivery> pending = new TreeMap<>();
		for (int i = 0; i < pendingCount; i++) {
			pending.put(buffer.getLong(), new PendingDelivery(buffer.getLong(), buffer.getLong()));
		}
		int countsCount = buffer.getInt();
		Map<Long, Integer> counts = new HashMap<>();
		for (int i = 0; i < countsCount; i++) {
			counts.put(buffer.getLong(), buffer.getInt());
		}
		return new Decoded(generation, new ConsumerState(delivered, ackFloor, pending, counts));
	}

	private record Decoded(long generation, ConsumerState state) {
	}
}
