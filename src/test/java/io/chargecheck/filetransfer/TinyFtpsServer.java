package io.chargecheck.filetransfer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * Just enough of an explicit-TLS FTP server (RFC 4217) to prove the client's ftps: AUTH TLS on the
 * control connection, PBSZ and PROT P, passive data connections that are TLS too, RETR and STOR.
 * MockFtpServer cannot do TLS. One session at a time; files in memory.
 */
final class TinyFtpsServer implements AutoCloseable {

    final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final SSLContext tls;
    private final String user;
    private final String password;
    private final ServerSocket control;
    private final Thread thread;
    /** What the data connections were: true once one was plain, so the test sees PROT P was honoured. */
    volatile boolean plainDataSeen;

    TinyFtpsServer(SSLContext tls, String user, String password) throws IOException {
        this.tls = tls;
        this.user = user;
        this.password = password;
        this.control = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        this.thread = new Thread(this::serve, "tiny-ftps");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return control.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        control.close();
    }

    private void serve() {
        while (!control.isClosed()) {
            try (Socket socket = control.accept()) {
                socket.setSoTimeout(5000);
                session(socket);
            } catch (IOException e) {
                // the client went away, or the server closes: next session or the end
            }
        }
    }

    private void session(Socket plain) throws IOException {
        Socket socket = plain;
        BufferedReader in = reader(socket);
        Writer out = writer(socket);
        reply(out, "220 tiny ftps");
        boolean loggedIn = false;
        boolean protectedData = false;
        String userName = null;
        ServerSocket passive = null;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            int space = line.indexOf(' ');
            String command = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
            String argument = space < 0 ? "" : line.substring(space + 1);
            switch (command) {
                case "AUTH" -> {
                    reply(out, "234 AUTH TLS ok");
                    SSLSocket secured = (SSLSocket) tls.getSocketFactory().createSocket(socket, null, socket.getPort(), true);
                    secured.setUseClientMode(false);
                    secured.startHandshake();
                    socket = secured;
                    in = reader(socket);
                    out = writer(socket);
                }
                case "USER" -> {
                    userName = argument;
                    reply(out, "331 password please");
                }
                case "PASS" -> {
                    loggedIn = user.equals(userName) && password.equals(argument) && socket instanceof SSLSocket;
                    reply(out, loggedIn ? "230 logged in" : "530 not logged in");
                }
                case "PBSZ" -> reply(out, "200 PBSZ=0");
                case "PROT" -> {
                    protectedData = argument.equalsIgnoreCase("P");
                    reply(out, "200 PROT " + argument);
                }
                case "TYPE" -> reply(out, "200 type set");
                case "PASV" -> {
                    passive = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                    passive.setSoTimeout(5000);
                    int port = passive.getLocalPort();
                    reply(out, "227 Entering Passive Mode (127,0,0,1," + port / 256 + "," + port % 256 + ")");
                }
                case "RETR", "STOR" -> {
                    if (!loggedIn || passive == null) {
                        reply(out, "530 not logged in or no PASV");
                        continue;
                    }
                    if (command.equals("RETR") && !files.containsKey(argument)) {
                        reply(out, "550 no such file");
                        continue;
                    }
                    reply(out, "150 opening data connection");
                    try (ServerSocket listening = passive; Socket data = secure(listening.accept(), protectedData)) {
                        if (command.equals("RETR")) {
                            OutputStream stream = data.getOutputStream();
                            stream.write(files.get(argument));
                            stream.flush();
                        } else {
                            InputStream stream = data.getInputStream();
                            files.put(argument, stream.readAllBytes());
                        }
                    }
                    passive = null;
                    reply(out, "226 transfer complete");
                }
                case "QUIT" -> {
                    reply(out, "221 bye");
                    return;
                }
                default -> reply(out, "502 not implemented");
            }
        }
    }

    private Socket secure(Socket data, boolean protectedData) throws IOException {
        if (!protectedData) {
            plainDataSeen = true;
            return data;
        }
        SSLSocket secured = (SSLSocket) tls.getSocketFactory().createSocket(data, null, data.getPort(), true);
        secured.setUseClientMode(false);
        secured.startHandshake();
        return secured;
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }

    private static Writer writer(Socket socket) throws IOException {
        return new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
    }

    private static void reply(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }
}
