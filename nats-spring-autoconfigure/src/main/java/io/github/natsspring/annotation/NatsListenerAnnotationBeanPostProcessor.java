package io.github.natsspring.annotation;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.natsspring.core.NatsMessageConverter;
import io.github.natsspring.core.PlainNatsMessageConverter;
import io.github.natsspring.listener.LoggingNatsListenerErrorHandler;
import io.github.natsspring.listener.MethodNatsListenerEndpoint;
import io.github.natsspring.listener.NatsListenerChecks;
import io.github.natsspring.listener.NatsListenerConfigurer;
import io.github.natsspring.listener.NatsListenerContainerFactory;
import io.github.natsspring.listener.NatsListenerEndpointRegistrar;
import io.github.natsspring.listener.NatsListenerEndpointRegistry;
import io.github.natsspring.listener.NatsListenerErrorHandler;
import io.github.natsspring.listener.NatsSubjectSyntax;
import io.github.natsspring.listener.adapter.NatsMessageHandlerMethodFactory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.AopInfrastructureBean;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanExpressionContext;
import org.springframework.beans.factory.config.BeanExpressionResolver;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.messaging.handler.annotation.SendTo;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Finds {@link NatsListener @NatsListener} methods on beans, checks that each can work, and registers a
 * {@link MethodNatsListenerEndpoint} for it; once all singletons exist, every
 * {@link NatsListenerConfigurer} bean is called, and the endpoints become containers in the
 * {@link NatsListenerEndpointRegistry} bean, created by the {@link NatsListenerContainerFactory} bean.
 * <p>
 * A listener that cannot work fails the bean's creation with a {@link NatsListenerMethodException} naming
 * the bean, the method, the problem and what to change: a private or static method, a missing or invalid
 * subject, an unresolvable placeholder, a bad concurrency, an unknown error handler, or parameters that
 * would be bound to the payload together or that no resolver handles.
 * <p>
 * Listener methods are invoked through the {@link MessageHandlerMethodFactory} bean named
 * {@value #MESSAGE_HANDLER_METHOD_FACTORY_BEAN_NAME} when there is one, otherwise through a
 * {@link NatsMessageHandlerMethodFactory} on the context's {@link NatsMessageConverter}. Failures of
 * listeners that do not name an error handler go to the {@link NatsListenerErrorHandler} bean named
 * {@value #DEFAULT_ERROR_HANDLER_BEAN_NAME}, or else to a {@link LoggingNatsListenerErrorHandler}.
 */
public class NatsListenerAnnotationBeanPostProcessor
		implements BeanPostProcessor, BeanFactoryAware, SmartInitializingSingleton, Ordered {

	/** Name under which {@link EnableNats @EnableNats} registers this post-processor. */
	public static final String BEAN_NAME = "io.github.natsspring.annotation.internalNatsListenerAnnotationProcessor";

	/** Name under which {@link EnableNats @EnableNats} registers the registry when there is none. */
	public static final String ENDPOINT_REGISTRY_BEAN_NAME = "io.github.natsspring.annotation.internalNatsListenerEndpointRegistry";

	/** Name of the {@link MessageHandlerMethodFactory} bean used for listener methods, when present. */
	public static final String MESSAGE_HANDLER_METHOD_FACTORY_BEAN_NAME = "natsMessageHandlerMethodFactory";

	/** Name of the {@link NatsListenerErrorHandler} bean told about failures of listeners without their own. */
	public static final String DEFAULT_ERROR_HANDLER_BEAN_NAME = "natsListenerErrorHandler";

	private static final Log logger = LogFactory.getLog(NatsListenerAnnotationBeanPostProcessor.class);

	private static final String SUBJECT_ACTION = "Use dot-separated tokens without whitespace, with the wildcards"
			+ " '*' and '>' as whole tokens and '>' last, e.g. @NatsListener(\"orders.*.created\").";

	private final NatsListenerEndpointRegistrar registrar = new NatsListenerEndpointRegistrar();

	private final Set<Class<?>> nonAnnotatedClasses = ConcurrentHashMap.newKeySet();

	private final Set<String> listenerIds = ConcurrentHashMap.newKeySet();

	private @Nullable ConfigurableListableBeanFactory beanFactory;

	private @Nullable BeanExpressionContext expressionContext;

	private @Nullable NatsMessageConverter messageConverter;

	private @Nullable MessageHandlerMethodFactory messageHandlerMethodFactory;

	@Override
	public int getOrder() {
		return LOWEST_PRECEDENCE;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		Assert.isInstanceOf(ConfigurableListableBeanFactory.class, beanFactory);
		this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
		this.expressionContext = new BeanExpressionContext(this.beanFactory, null);
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof AopInfrastructureBean || bean instanceof NatsListenerEndpointRegistry) {
			return bean;
		}
		Class<?> targetClass = AopUtils.getTargetClass(bean);
		if (this.nonAnnotatedClasses.contains(targetClass)
				|| !AnnotationUtils.isCandidateClass(targetClass, NatsListener.class)) {
			return bean;
		}
		Map<Method, Set<NatsListener>> annotatedMethods = MethodIntrospector.selectMethods(targetClass,
				(MethodIntrospector.MetadataLookup<Set<NatsListener>>) (method) -> {
					Set<NatsListener> listeners = AnnotatedElementUtils.getMergedRepeatableAnnotations(method,
							NatsListener.class, NatsListeners.class);
					return listeners.isEmpty() ? null : listeners;
				});
		if (annotatedMethods.isEmpty()) {
			this.nonAnnotatedClasses.add(targetClass);
			return bean;
		}
		annotatedMethods.forEach((method, listeners) -> listeners.forEach((listener) -> this.registrar
			.registerEndpoint(createEndpoint(listener, new ListenerMethod(beanName, targetClass, method), bean))));
		if (logger.isDebugEnabled()) {
			logger.debug(annotatedMethods.size() + " @NatsListener methods processed on bean '" + beanName + "'");
		}
		return bean;
	}

	private MethodNatsListenerEndpoint createEndpoint(NatsListener listener, ListenerMethod where, Object bean) {
		Method method = where.method();
		if (Modifier.isPrivate(method.getModifiers())) {
			throw where.invalid("the method is private",
					"Make the method public, protected or package-private so that it can be invoked.");
		}
		if (Modifier.isStatic(method.getModifiers())) {
			throw where.invalid("the method is static", "Make the method an instance method of the bean.");
		}
		Method invocable;
		try {
			invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
		}
		catch (IllegalStateException ex) {
			throw where.invalid(String.valueOf(ex.getMessage()), "Declare the method on an interface the bean's"
					+ " proxy implements, or proxy the target class (proxyTargetClass = true).");
		}
		checkParameters(where);
		List<String> subjects = resolveSubjects(where, listener.subjects());
		String queue = resolveQueue(where, listener.queue());
		MethodNatsListenerEndpoint endpoint = new MethodNatsListenerEndpoint(resolveId(where, listener.id()),
				subjects, bean, invocable);
		endpoint.setQueue(queue);
		endpoint.setConcurrency(resolveConcurrency(where, listener.concurrency(), queue));
		endpoint.setAutoStartup(resolveAutoStartup(where, listener.autoStartup()));
		endpoint.setErrorHandler(resolveErrorHandler(where, listener.errorHandler()));
		endpoint.setSendTo(resolveSendTo(where));
		return endpoint;
	}

	/**
	 * Asks the resolvers of the handler method factory which parameters would be bound to the payload, so a
	 * resolver the application added for its own type counts as resolving that type. A factory other than a
	 * {@link NatsMessageHandlerMethodFactory} does not tell, and its parameters fail on the first message.
	 */
	private void checkParameters(ListenerMethod where) {
		if (!(messageHandlerMethodFactory() instanceof NatsMessageHandlerMethodFactory factory)) {
			return;
		}
		Method method = where.method();
		List<String> payloadParameters = new ArrayList<>();
		for (int i = 0; i < method.getParameterCount(); i++) {
			MethodParameter parameter = new MethodParameter(method, i);
			if (!factory.bindsToPayload(parameter)) {
				continue;
			}
			Class<?> type = parameter.getParameterType();
			if (type.getPackageName().startsWith("io.nats.client")) {
				throw where.invalid("parameter " + i + " of type " + type.getName()
						+ " cannot be resolved; of the jnats types only Message and Connection can be injected",
						"Take an io.nats.client.Message or Connection parameter instead, or remove the parameter.");
			}
			payloadParameters.add(i + " (" + type.getSimpleName() + ")");
		}
		if (payloadParameters.size() > 1) {
			throw where.invalid("parameters " + String.join(", ", payloadParameters)
					+ " would all be bound to the payload",
					"Mark all but one of them with @Header or @Headers, or add a HandlerMethodArgumentResolver"
							+ " for their type to the natsMessageHandlerMethodFactory.");
		}
	}

	private String resolveId(ListenerMethod where, String declared) {
		String id = resolveText(where, declared);
		if (StringUtils.hasText(id)) {
			if (!this.listenerIds.add(id)) {
				throw where.invalid("another listener already has id '" + id + "'",
						"Give each @NatsListener its own id, or leave id empty to have one generated.");
			}
			return id;
		}
		String base = where.targetClass().getName() + "#" + where.method().getName();
		String generated = base;
		for (int n = 2; !this.listenerIds.add(generated); n++) {
			generated = base + "#" + n;
		}
		return generated;
	}

	private List<String> resolveSubjects(ListenerMethod where, String[] declared) {
		List<String> subjects = new ArrayList<>();
		for (String value : declared) {
			collectSubjects(where, resolve(where, value), subjects);
		}
		String problem = NatsListenerChecks.checkSubjects(subjects);
		if (problem != null) {
			throw where.invalid(problem, SUBJECT_ACTION);
		}
		return subjects.stream().distinct().toList();
	}

	private void collectSubjects(ListenerMethod where, @Nullable Object resolved, List<String> subjects) {
		if (resolved instanceof String subject) {
			subjects.add(subject);
		}
		else if (resolved instanceof String[] array) {
			subjects.addAll(Arrays.asList(array));
		}
		else if (resolved instanceof Collection<?> collection) {
			collection.forEach((element) -> collectSubjects(where, element, subjects));
		}
		else if (resolved != null) {
			throw where.invalid("a subject expression resolved to a " + resolved.getClass().getName(),
					"Make the expression return a String, a String[] or a collection of Strings.");
		}
	}

	private @Nullable String resolveQueue(ListenerMethod where, String declared) {
		String text = resolveText(where, declared);
		String queue = StringUtils.hasText(text) ? text : null;
		String problem = NatsListenerChecks.checkQueue(queue);
		if (problem != null) {
			throw where.invalid(problem, "Use a queue group name without whitespace, e.g. queue = \"order-workers\".");
		}
		return queue;
	}

	private @Nullable Integer resolveConcurrency(ListenerMethod where, String declared, @Nullable String queue) {
		String text = resolveText(where, declared);
		if (!StringUtils.hasText(text)) {
			return null;
		}
		String numberAction = "Set concurrency to a whole number of at least 1, or to a placeholder resolving to one.";
		int concurrency;
		try {
			concurrency = Integer.parseInt(text.strip());
		}
		catch (NumberFormatException ex) {
			throw where.invalid("concurrency '" + text + "' is not a number", numberAction);
		}
		String problem = NatsListenerChecks.checkConcurrency(concurrency, queue);
		if (problem != null) {
			throw where.invalid(problem, (concurrency < 1) ? numberAction
					: "Add a queue group, e.g. @NatsListener(subjects = ..., queue = \"workers\", concurrency = \""
							+ concurrency + "\"), or remove concurrency.");
		}
		return concurrency;
	}

	private @Nullable Boolean resolveAutoStartup(ListenerMethod where, String declared) {
		String text = resolveText(where, declared);
		if (!StringUtils.hasText(text)) {
			return null;
		}
		return switch (text.strip().toLowerCase()) {
			case "true" -> true;
			case "false" -> false;
			default -> throw where.invalid("autoStartup '" + text + "' is neither true nor false",
					"Set autoStartup to \"true\" or \"false\", or to a placeholder resolving to one of them.");
		};
	}

	private @Nullable NatsListenerErrorHandler resolveErrorHandler(ListenerMethod where, String declared) {
		String beanName = resolveText(where, declared);
		if (!StringUtils.hasText(beanName)) {
			return null;
		}
		if (!beanFactory().containsBean(beanName)) {
			throw where.invalid("there is no error handler bean named '" + beanName + "'",
					"Define a NatsListenerErrorHandler bean named '" + beanName
							+ "', or correct the name in errorHandler.");
		}
		return beanFactory().getBean(beanName, NatsListenerErrorHandler.class);
	}

	private @Nullable String resolveSendTo(ListenerMethod where) {
		SendTo sendTo = AnnotatedElementUtils.findMergedAnnotation(where.method(), SendTo.class);
		if (sendTo == null) {
			sendTo = AnnotatedElementUtils.findMergedAnnotation(where.targetClass(), SendTo.class);
		}
		if (sendTo == null) {
			return null;
		}
		String action = "Name exactly one subject without wildcards in @SendTo, e.g. @SendTo(\"orders.priced\").";
		if (sendTo.value().length != 1) {
			throw where.invalid("@SendTo must name exactly one subject", action);
		}
		String subject = resolveText(where, sendTo.value()[0]);
		String problem = NatsSubjectSyntax.checkPublishSubject(subject);
		if (problem != null) {
			throw where.invalid("invalid @SendTo " + problem, action);
		}
		return subject;
	}

	private @Nullable String resolveText(ListenerMethod where, String value) {
		Object resolved = resolve(where, value);
		if (resolved == null || resolved instanceof String) {
			return (String) resolved;
		}
		return resolved.toString();
	}

	private @Nullable Object resolve(ListenerMethod where, String value) {
		try {
			String placeholdersResolved = beanFactory().resolveEmbeddedValue(value);
			if (placeholdersResolved != null && placeholdersResolved.contains("${")) {
				// a context without a placeholder configurer resolves leniently, leaving the placeholder as text
				throw new IllegalArgumentException("unresolvable placeholder in '" + placeholdersResolved + "'");
			}
			BeanExpressionResolver resolver = beanFactory().getBeanExpressionResolver();
			return (resolver != null) ? resolver.evaluate(placeholdersResolved, this.expressionContext)
					: placeholdersResolved;
		}
		catch (RuntimeException ex) {
			throw where.invalid("cannot resolve '" + value + "': " + ex.getMessage(),
					"Define the property the placeholder names, or correct the placeholder or expression.");
		}
	}

	private ConfigurableListableBeanFactory beanFactory() {
		Assert.state(this.beanFactory != null, "BeanFactory not set");
		return this.beanFactory;
	}

	private synchronized NatsMessageConverter messageConverter() {
		if (this.messageConverter == null) {
			this.messageConverter = beanFactory().getBeanProvider(NatsMessageConverter.class)
				.getIfUnique(PlainNatsMessageConverter::new);
		}
		return this.messageConverter;
	}

	private synchronized MessageHandlerMethodFactory messageHandlerMethodFactory() {
		if (this.messageHandlerMethodFactory == null) {
			ConfigurableListableBeanFactory beanFactory = beanFactory();
			if (beanFactory.containsBean(MESSAGE_HANDLER_METHOD_FACTORY_BEAN_NAME)) {
				this.messageHandlerMethodFactory = beanFactory.getBean(MESSAGE_HANDLER_METHOD_FACTORY_BEAN_NAME,
						MessageHandlerMethodFactory.class);
			}
			else {
				NatsMessageHandlerMethodFactory factory = new NatsMessageHandlerMethodFactory(messageConverter());
				factory.setBeanFactory(beanFactory);
				factory.afterPropertiesSet();
				this.messageHandlerMethodFactory = factory;
			}
		}
		return this.messageHandlerMethodFactory;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.nonAnnotatedClasses.clear();
		ConfigurableListableBeanFactory beanFactory = beanFactory();
		beanFactory.getBeanProvider(NatsListenerEndpointRegistry.class).ifAvailable(this.registrar::setEndpointRegistry);
		beanFactory.getBeanProvider(NatsListenerContainerFactory.class).ifAvailable(this.registrar::setContainerFactory);
		this.registrar.setMessageConverter(messageConverter());
		this.registrar.setMessageHandlerMethodFactory(messageHandlerMethodFactory());
		if (beanFactory.containsBean(DEFAULT_ERROR_HANDLER_BEAN_NAME)) {
			this.registrar.setErrorHandler(
					beanFactory.getBean(DEFAULT_ERROR_HANDLER_BEAN_NAME, NatsListenerErrorHandler.class));
		}
		beanFactory.getBeanProvider(NatsListenerConfigurer.class)
			.orderedStream()
			.forEach((configurer) -> configurer.configureNatsListeners(this.registrar));
		this.registrar.registerEndpoints();
	}

	/** The listener method being processed, for failures that name it. */
	private record ListenerMethod(String beanName, Class<?> targetClass, Method method) {

		NatsListenerMethodException invalid(String problem, String action) {
			return new NatsListenerMethodException(this.beanName, this.method, problem, action);
		}
	}
}
