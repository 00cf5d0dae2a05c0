package io.github.natsspring.broker.jetstream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.natsspring.broker.BrokerJetStream;
import io.github.natsspring.broker.JetStreamStatistics;
import io.github.natsspring.broker.account.Account;
import io.github.natsspring.broker.jetstream.api.ApiDispatcher;
import io.github.natsspring.broker.jetstream.api.ApiRouter;
import io.github.natsspring.broker.jetstream.api.JsonObject;
import io.github.natsspring.broker.jetstream.api.JsonWriter;
import io.github.natsspring.broker.jetstream.store.FileStore;
import io.github.natsspring.broker.jetstream.store.FileStoreOptions;
import io.github.natsspring.broker.jetstream.store.MemoryStore;
import io.github.natsspring.broker.jetstream.store.MessageStore;
import io.github.natsspring.broker.jetstream.store.StoreLimits;
import io.github.natsspring.broker.jetstream.store.StreamState;

/**
 * JetStream in one broker, for the {@code $G} account: the streams, the API on {@code $JS.API.>} and the
 * consumers, the {@link ConsumerSupport} the broker passes in. The broker {@link #start starts} it before it accepts
 * clients (recovering the file streams kept under {@code <store_dir>/jetstream}) and {@link #stop stops} it
 * after the clients are gone, closing every store cleanly.
 */
public final class JetStreamService implements JetStreamContext {

	private static final System.Logger LOG = System.getLogger(JetStreamService.class.getName());

	/** How often file streams are forced to the device: nats-server's default sync interval. */
	static final Duration SYNC_INTERVAL = Duration.ofSeconds(60);

	private final BrokerJetStream options;

	private final String serverName;

	private final InternalClient client;

	private final ApiDispatcher api;

	private final Path streamsDirectory;

	private final Map<String, Stream> streams = new ConcurrentHashMap<>();

	private final ScheduledExecutorService scheduler;

	private final ConsumerSupport consumerSupport;

	private volatile boolean stopped;

	private JetStreamService(BrokerJetStream options, Account account, String serverName,
			ConsumerSupport consumerSupport) {
		this.options = options;
		this.serverName = serverName;
		this.client = new InternalClient(account);
		this.api = new ApiDispatcher(this.client);
		this.streamsDirectory = storeDirectory(options).resolve(account.name()).resolve("streams");
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "jetstream-timers");
			thread.setDaemon(true);
			return thread;
		});
		this.consumerSupport = Objects.requireNonNull(consumerSupport, "consumerSupport");
	}

	/**
	 * Where the broker keeps JetStream's data, as nats-server: the {@code jetstream} directory inside the store
	 * directory.
	 * @param options the JetStream settings
	 * @return {@code <store_dir>/jetstream}
	 */
	public static Path storeDirectory(BrokerJetStream options) {
		return options.storeDirectory().resolve("jetstream");
	}

	/**
	 * Starts JetStream in an account: recovers its streams, then answers the API.
	 * @param options the JetStream settings
	 * @param account the account, {@code $G}
	 * @param serverName the server's name
	 * @param consumerSupport the consumer half of JetStream
	 * @return the running service
	 * @throws UncheckedIOException when the store directory cannot be created or read
	 */
	public static JetStreamService start(BrokerJetStream options, Account account, String serverName,
			ConsumerSupport consumerSupport) {
		JetStreamService service = new JetStreamService(options, account, serverName, consumerSupport);
		service.begin();
		return service;
	}

	private void begin() {
		LOG.log(System.Logger.Level.INFO, "Starting JetStream");
		try {
			Files.createDirectories(this.streamsDirectory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create the JetStream store directory " + this.streamsDirectory,
					ex);
		}
		LOG.log(System.Logger.Level.INFO, "---------------- JETSTREAM ----------------");
		LOG.log(System.Logger.Level.INFO, "  Max Memory:      " + StorageLimits.friendlyBytes(maxMemory()));
		LOG.log(System.Logger.Level.INFO, "  Max Storage:     " + StorageLimits.friendlyBytes(maxStorage()));
		LOG.log(System.Logger.Level.INFO, "  Store Directory: \"" + storeDirectory(this.options) + "\"");
		LOG.log(System.Logger.Level.INFO, "-------------------------------------------");
		this.consumerSupport.start(this);
		new StreamApi(this).registerWith(this.api);
		recoverStreams();
		this.api.start();
		this.scheduler.scheduleWithFixedDelay(this::syncStreams, SYNC_INTERVAL.toMillis(), SYNC_INTERVAL.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	// on each stream's own thread, as its writes are
	private void syncStreams() {
		for (Stream stream : this.streams.values()) {
			if (stream.config().storage() == StorageType.FILE && !stream.isClosed()) {
				stream.executor().execute(() -> {
					if (!stream.isClosed()) {
						stream.store().sync();
					}
				});
			}
		}
	}

	private void recoverStreams() {
		List<Path> directories = new ArrayList<>();
		try (DirectoryStream<Path> listing = Files.newDirectoryStream(this.streamsDirectory, Files::isDirectory)) {
			listing.forEach(directories::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the JetStream store directory " + this.streamsDirectory, ex);
		}
		directories.sort(null);
		for (Path directory : directories) {
			recoverStream(directory);
		}
	}

	private void recoverStream(Path directory) {
		String name = directory.getFileName().toString();
		LOG.log(System.Logger.Level.INFO, "  Starting restore for stream '" + accountName() + " > " + name + "'");
		MessageStore store;
		try {
			store = FileStore.open(name, StoreLimits.none(), fileStoreOptions(directory));
		}
		catch (RuntimeException ex) {
			LOG.log(System.Logger.Level.WARNING, "Error recovering stream '" + accountName() + " > " + name + "': "
					+ ex.getMessage());
			return;
		}
		byte[] metadata = store.metadata();
		if (metadata == null) {
			LOG.log(System.Logger.Level.WARNING, "Stream '" + accountName() + " > " + name
					+ "' has no stored configuration; removing it");
			store.delete();
			return;
		}
		StreamMetadata meta;
		try {
			meta = StreamMetadata.read(metadata);
		}
		catch (RuntimeException ex) {
			LOG.log(System.Logger.Level.WARNING, "Error unmarshalling stream metafile for '" + accountName() + " > "
					+ name + "': " + ex.getMessage());
			store.close();
			return;
		}
		store.updateLimits(meta.config().storeLimits());
		Stream stream = new Stream(meta.config(), store, this.client, meta.created());
		runOn(stream, () -> {
			stream.rebuildDedupe();
			attachConsumers(stream);
		});
		this.streams.put(name, stream);
		stream.startCapturing();
		LOG.log(System.Logger.Level.INFO, "  Restored " + store.state().messages() + " messages for stream '"
				+ accountName() + " > " + name + "'");
	}

	private void attachConsumers(Stream stream) {
		stream.attach(this.consumerSupport.attach(stream));
	}

	// nats-server 2.9.10 writes each message before its PubAck (a kill -9 loses nothing acknowledged) and forces
	// the blocks only on a timer and when they roll or close; forcing each write costs a disk flush per message
	private static FileStoreOptions fileStoreOptions(Path directory) {
		return FileStoreOptions.builder(directory).forceEachWrite(false).build();
	}

	/** Runs work on a stream's executor and waits for it: only from threads that may block. */
	static void runOn(Stream stream, Runnable work) {
		CompletableFuture.runAsync(work, stream.executor()).join();
	}

	/**
	 * Creates a stream whose configuration was checked, and starts capturing its subjects. On the API thread.
	 * @param config the configuration, defaults filled in
	 * @return the new stream
	 */
	Stream createStream(StreamConfig config) {
		Instant created = Instant.now();
		MessageStore store = (config.storage() == StorageType.MEMORY) ? new MemoryStore(config.name(),
				config.storeLimits())
				: FileStore.open(config.name(), config.storeLimits(),
						fileStoreOptions(this.streamsDirectory.resolve(config.name())));
		if (config.storage() == StorageType.FILE) {
			store.writeMetadata(new StreamMetadata(config, created).toBytes());
		}
		Stream stream = new Stream(config, store, this.client, created);
		runOn(stream, () -> attachConsumers(stream));
		this.streams.put(config.name(), stream);
		stream.startCapturing();
		return stream;
	}

	/**
	 * Applies a checked configuration to a stream. On the API thread.
	 * @param stream the stream
	 * @param config the new configuration
	 */
	void updateStream(Stream stream, StreamConfig config) {
		runOn(stream, () -> {
			if (config.storage() == StorageType.FILE) {
				stream.store().writeMetadata(new StreamMetadata(config, stream.created()).toBytes());
			}
			stream.update(config);
		});
	}

	/**
	 * Deletes a stream with its messages and consumers. On the API thread.
	 * @param stream the stream
	 */
	void deleteStream(Stream stream) {
		this.streams.remove(stream.name(), stream);
		runOn(stream, stream::delete);
	}

	/**
	 * Stops answering, closes every stream (keeping file streams for the next start) and the consumer package.
	 */
	public void stop() {
		if (this.stopped) {
			return;
		}
		this.stopped = true;
		LOG.log(System.Logger.Level.INFO, "Initiating JetStream Shutdown...");
		this.api.stop();
		for (Stream stream : this.streams.values()) {
			try {
				runOn(stream, stream::close);
			}
			catch (RuntimeException ex) {
				LOG.log(System.Logger.Level.WARNING, "Error closing stream '" + accountName() + " > " + stream.name()
						+ "': " + ex.getMessage());
			}
		}
		this.streams.clear();
		this.consumerSupport.stop();
		this.scheduler.shutdownNow();
		try {
			this.scheduler.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		LOG.log(System.Logger.Level.INFO, "JetStream Shutdown");
	}

	/**
	 * The JetStream settings.
	 * @return the options it was started with
	 */
	public BrokerJetStream options() {
		return this.options;
	}

	/**
	 * The API dispatcher, with its counters.
	 * @return the dispatcher
	 */
	public ApiDispatcher dispatcher() {
		return this.api;
	}

	/**
	 * What the streams hold now.
	 * @return the totals
	 */
	public JetStreamUsage usage() {
		int count = 0;
		int consumers = 0;
		long messages = 0;
		long memory = 0;
		long storage = 0;
		for (Stream stream : this.streams.values()) {
			count++;
			consumers += stream.consumers().count();
			StreamState state = stream.store().state();
			messages += state.messages();
			if (stream.config().storage() == StorageType.MEMORY) {
				memory += state.bytes();
			}
			else {
				storage += state.bytes();
			}
		}
		return new JetStreamUsage(count, consumers, messages, memory + storage, memory, storage);
	}

	/**
	 * The figures of JetStream now.
	 * @return the statistics
	 */
	public JetStreamStatistics statistics() {
		JetStreamUsage usage = usage();
		return new JetStreamStatistics(usage.streams(), usage.consumers(), usage.messages(), usage.bytes(),
				usage.memory(), usage.storage(), maxMemory(), maxStorage(), storeDirectory(this.options),
				this.api.counters().total(), this.api.counters().errors());
	}

	/**
	 * The most bytes memory streams may hold.
	 * @return {@code max_memory_store}, or nats-server's dynamic limit when unlimited
	 */
	public long maxMemory() {
		return (this.options.maxMemoryStore() >= 0) ? this.options.maxMemoryStore() : StorageLimits.dynamicMemory();
	}

	/**
	 * The most bytes file streams may hold.
	 * @return {@code max_file_store}, or nats-server's dynamic limit when unlimited
	 */
	public long maxStorage() {
		return (this.options.maxFileStore() >= 0) ? this.options.maxFileStore()
				: StorageLimits.dynamicStorage(storeDirectory(this.options));
	}

	String accountName() {
		return this.client.account().name();
	}

	@Override
	public InternalClient client() {
		return this.client;
	}

	@Override
	public ApiRouter api() {
		return this.api;
	}

	@Override
	public Stream stream(String name) {
		return this.streams.get(name);
	}

	@Override
	public Collection<Stream> streams() {
		return this.streams.values();
	}

	@Override
	public ScheduledExecutorService scheduler() {
		return this.scheduler;
	}

	@Override
	public String serverName() {
		return this.serverName;
	}

	/** A file stream's metadata: its configuration and creation time, as JSON. */
	record StreamMetadata(StreamConfig config, Instant created) {

		static StreamMetadata read(byte[] json) {
			JsonObject object = JsonObject.parse(json);
			StreamConfig config = StreamConfig.read(object.object("config")).withDefaults();
			return new StreamMetadata(config, Instant.parse(object.string("created", Instant.EPOCH.toString())));
		}

		byte[] toBytes() {
			JsonWriter json = JsonWriter.create().beginObject().name("config");
			this.config.writeTo(json);
			return json.field("created", this.created.toString()).endObject().toBytes();
		}
	}
}
