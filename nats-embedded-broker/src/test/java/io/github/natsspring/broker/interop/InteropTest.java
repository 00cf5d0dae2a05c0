package io.github.natsspring.broker.interop;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * A scenario that runs once per {@link TargetKind}: the test method takes the kind as its only parameter and
 * starts its target through {@link InteropScenario}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}")
@ArgumentsSource(SelectedTargets.class)
public @interface InteropTest {

}
