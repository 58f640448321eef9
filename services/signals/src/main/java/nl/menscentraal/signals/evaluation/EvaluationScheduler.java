package nl.menscentraal.signals.evaluation;

import nl.menscentraal.signals.SignalsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.annotation.PreDestroy;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Works through the subjects that are due: each in its own transaction, so the queue row, the signal events and
 * the signals read model change together or not at all.
 */
@Component
class EvaluationScheduler {

    private static final Logger log = LoggerFactory.getLogger(EvaluationScheduler.class);
    private static final Duration RETRY = Duration.ofSeconds(5);

    private final EvaluationQueue queue;
    private final SubjectEvaluator evaluator;
    private final SignalsProperties properties;
    private final TransactionTemplate transaction;
    private final TransactionTemplate separateTransaction;
    private final Clock clock;
    private final AtomicInteger threadNumber = new AtomicInteger();
    private ScheduledExecutorService evaluators;

    EvaluationScheduler(EvaluationQueue queue, SubjectEvaluator evaluator, SignalsProperties properties,
                        PlatformTransactionManager transactions, Clock clock) {
        this.queue = queue;
        this.evaluator = evaluator;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.separateTransaction = new TransactionTemplate(transactions);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * Several evaluators per instance: an evaluation mostly waits for the database (the subject's history, the
     * queue row), so threads overlap their round trips. They share the queue as instances do, through
     * {@code FOR UPDATE SKIP LOCKED}.
     */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!properties.consumeEvents()) {
            return;
        }
        evaluators = Executors.newScheduledThreadPool(properties.evaluationThreads(), runnable -> {
            Thread thread = new Thread(runnable, "signal-evaluation-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < properties.evaluationThreads(); i++) {
            evaluators.scheduleWithFixedDelay(this::evaluateDue, 0, properties.evaluationPoll().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        if (evaluators != null) {
            evaluators.shutdown();
            evaluators.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    void evaluateDue() {
        for (int i = 0; i < properties.evaluationBatch(); i++) {
            if (!evaluateNext()) {
                return;
            }
        }
    }

    private boolean evaluateNext() {
        // PostgreSQL keeps microseconds: the read model and the events then show the same instant
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String[] claimed = {null};
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> {
                Optional<EvaluationQueue.Due> due = queue.claimNext(now);
                if (due.isEmpty()) {
                    return false;
                }
                claimed[0] = due.get().subjectId();
                queue.done(claimed[0], evaluator.evaluate(claimed[0], due.get().members(), now));
                return true;
            }));
        } catch (RuntimeException e) {
            // a concurrent acknowledgement of the same subject's signal, or the database: try again shortly
            log.warn("Evaluating a subject's signals failed ({}); it is retried in {}", e.getClass().getName(), RETRY);
            if (claimed[0] != null) {
                separateTransaction.executeWithoutResult(status -> queue.retryLater(claimed[0], now.plus(RETRY)));
            }
            return false;
        }
    }
}
