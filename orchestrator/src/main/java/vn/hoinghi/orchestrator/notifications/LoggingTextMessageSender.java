package vn.hoinghi.orchestrator.notifications;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** No SMS/Zalo gateway yet: the text is written to the log, so a demo shows what would be sent. */
@Singleton
@Secondary
public class LoggingTextMessageSender implements TextMessageSender {
    private static final Logger LOG = LoggerFactory.getLogger(LoggingTextMessageSender.class);

    @Override
    public void send(String phone, String text) {
        LOG.info("text message (no gateway configured, logged only) to {}: {}", phone, text);
    }
}
