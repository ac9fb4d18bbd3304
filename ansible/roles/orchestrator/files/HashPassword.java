import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads a password on stdin and prints its Argon2id hash with the orchestrator's parameters (PasswordHasher:
 * 3 iterations, 64 MiB, 1 lane). Run with the orchestrator jar on the classpath; the password never appears in
 * a command line.
 */
public class HashPassword {
    public static void main(String[] args) throws Exception {
        String password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id);
        System.out.println(argon2.hash(3, 65536, 1, password.toCharArray()));
    }
}
