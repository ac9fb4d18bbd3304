package vn.hoinghi.orchestrator.provisioning.xmpp;

import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import vn.hoinghi.orchestrator.notifications.TextMessageSender;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The text gateway of a test: remembers every text as "phone: text", so a test sees who was told what. */
@Singleton
@Primary
@Requires(property = "test.recording-texts", value = "true")
class RecordingTextMessages implements TextMessageSender {
    final List<String> sent = new CopyOnWriteArrayList<>();

    @Override
    public void send(String phone, String text) {
        sent.add(phone + ": " + text);
    }
}
