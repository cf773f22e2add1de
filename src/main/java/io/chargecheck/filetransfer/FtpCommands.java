package io.chargecheck.filetransfer;

import io.chargecheck.filetransfer.FtpConnections.DataSession;
import io.chargecheck.filetransfer.FtpConnections.OverLimitException;
import io.chargecheck.filetransfer.Transfer.Direction;
import io.chargecheck.ocpp.Untrusted;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mockftpserver.core.MockFtpServerException;
import org.mockftpserver.core.command.Command;
import org.mockftpserver.core.command.CommandHandler;
import org.mockftpserver.core.session.Session;
import org.mockftpserver.core.session.SessionKeys;
import org.mockftpserver.fake.filesystem.FileEntry;
import org.mockftpserver.fake.filesystem.FileSystem;
import org.slf4j.LoggerFactory;

/**
 * The FTP commands the file server answers itself or wraps. RETR and STOR keep MockFtpServer's own
 * handlers for the transfer and add what the suite needs: which station, how many bytes, when, and
 * whether it completed. The failures a charger causes every day (no such file, not logged in, a
 * broken data connection) are answered here in one line instead of MockFtpServer's warning with a
 * stack trace. FEAT and OPTS get real answers; anything else unknown a quiet 502.
 */
final class FtpCommands {

    private final FileSystem fileSystem;
    private final Stations stations;
    private final long uploadLimit;
    private final long storageCap;
    private final OnceLog once = new OnceLog(LoggerFactory.getLogger(FtpFileServer.class));

    FtpCommands(FileSystem fileSystem, Stations stations, long uploadLimit, long storageCap) {
        this.fileSystem = fileSystem;
        this.stations = stations;
        this.uploadLimit = uploadLimit;
        this.storageCap = storageCap;
    }

    /** Where a path points: a station's area ("firmware", "diagnostics") and the file in it, if one. */
    private record Place(Station station, String area, String fileName) {
    }

    CommandHandler retr(CommandHandler library) {
        return (command, session) -> {
            Optional<String> path = requestedPath(command, session);
            if (path.isEmpty()) {
                return;
            }
            Optional<Place> place = place(path.get());
            if (!(fileSystem.getEntry(path.get()) instanceof FileEntry file) || place.isEmpty()) {
                refuse(session, place, Direction.DOWNLOAD, path.get(), "no such file", 550,
                        "File not found or not accessible: " + command.getParameter(0) + ".");
                return;
            }
            Station.Live transfer = place.get().station().begin(Direction.DOWNLOAD, Protocol.FTP,
                    place.get().fileName(), file.getSize(), remote(session));
            metered(library, command, (DataSession) session, transfer, () -> transfer.complete(file.getSize()));
        };
    }

    CommandHandler stor(CommandHandler library) {
        return (command, session) -> {
            Optional<String> path = requestedPath(command, session);
            if (path.isEmpty()) {
                return;
            }
            Optional<Place> place = place(path.get());
            if (place.isEmpty() || !place.get().area().equals(FileNames.DIAGNOSTICS)
                    || !FileNames.isPlain(place.get().fileName())) {
                refuse(session, place, Direction.UPLOAD, path.get(), "not a station's upload directory", 553,
                        "Requested action not taken: uploads go to the directory given in the request.");
                return;
            }
            Station station = place.get().station();
            String fileName = place.get().fileName();
            Station.Live transfer = station.begin(Direction.UPLOAD, Protocol.FTP, fileName, -1, remote(session));
            if (!station.hasRoomFor(uploadLimit, storageCap)) {
                transfer.refused("the station's uploads already hold the " + storageCap + " bytes kept per station");
                session.sendReply(552, "Requested file action aborted: no room left for this station's uploads.");
                return;
            }
            metered(library, command, (DataSession) session, transfer, () -> {
                byte[] content = contentOf(path.get());
                station.store(fileName, content);
                transfer.complete(content.length);
            });
        };
    }

    /**
     * Runs MockFtpServer's own handler for the transfer with the data connection counting into it.
     * Its 226 means {@code completed}; a broken data connection is an incomplete transfer and a 426,
     * not a stack trace and a lost session.
     */
    private void metered(CommandHandler library, Command command, DataSession data, Station.Live transfer,
                         Runnable completed) throws Exception {
        data.meter(transfer::moved);
        try {
            library.handleCommand(command, data);
            if (data.lastReplyCode() == 226) {
                completed.run();
            } else {
                transfer.refused("answered " + data.lastReplyCode());
            }
        } catch (MockFtpServerException e) {
            if (isOverLimit(e)) {
                transfer.refused("larger than the upload limit of " + uploadLimit + " bytes");
                data.closeDataConnection();
                data.replyIfConnected(552, "Requested file action aborted: larger than " + uploadLimit + " bytes.");
            } else {
                transfer.incomplete("the data connection failed: " + rootMessage(e));
                abort(data, e);
            }
        } finally {
            data.meter(null);
        }
    }

    /** Refused before a byte moves: recorded for the station the path names, else said once. */
    private void refuse(Session session, Optional<Place> place, Direction direction, String path, String why, int code,
                        String reply) {
        String shown = Untrusted.shown(path);
        place.ifPresentOrElse(
                p -> p.station().begin(direction, Protocol.FTP, p.fileName(), -1, remote(session)).refused(why + ": " + shown),
                () -> once.info(direction + "-" + code, "FTP " + (direction == Direction.DOWNLOAD ? "RETR of " : "STOR to ")
                        + shown + " from " + remote(session) + ": " + why + " (no station's path), answered " + code));
        session.sendReply(code, reply);
    }

    /** LIST and NLST, refusing the root in one line (it holds every station's token) instead of a logged stack trace. */
    CommandHandler listing(CommandHandler library) {
        return (command, session) -> {
            if (session.getAttribute(SessionKeys.USER_ACCOUNT) != null) {
                String argument = String.join(",", command.getParameters()).strip();
                while (argument.startsWith("-")) { // "-la /": options first, as some clients send them
                    int space = argument.indexOf(' ');
                    argument = space < 0 ? "" : argument.substring(space + 1).strip();
                }
                if (FileNames.segments(resolve(session, argument.isEmpty() ? null : argument)).isEmpty()) {
                    session.sendReply(550, "Permission denied: the root is not listed.");
                    return;
                }
            }
            library.handleCommand(command, session);
        };
    }

    /** PASV and EPSV, answering 425 instead of ending the session when no passive port is free. */
    CommandHandler passive(CommandHandler library) {
        return (command, session) -> {
            try {
                library.handleCommand(command, session);
            } catch (MockFtpServerException e) {
                once.info("passive-" + command.getName(), "FTP " + command.getName() + " from " + remote(session)
                        + ": " + rootMessage(e) + "; answered 425");
                ((DataSession) session).replyIfConnected(425, "Can't open data connection: " + rootMessage(e) + ".");
            }
        };
    }

    /** RFC 2389: one feature per line, each starting with a space. UTF8 only if names really are read as UTF-8. */
    CommandHandler feat() {
        boolean utf8 = Charset.defaultCharset().equals(StandardCharsets.UTF_8);
        String features = "Features:\r\n EPSV\r\n PASV\r\n SIZE\r\n" + (utf8 ? " UTF8\r\n" : "") + "End";
        return (command, session) -> session.sendReply(211, features);
    }

    /** Clients (Windows, many chargers) send OPTS UTF8 ON right after login and give up on anything but 2xx. */
    CommandHandler opts() {
        return (command, session) -> {
            String option = String.join(" ", command.getParameters()).strip().toUpperCase(Locale.ROOT);
            if (option.startsWith("UTF8") || option.startsWith("UTF-8")) {
                session.sendReply(200, "UTF8 mode is always on.");
            } else {
                session.sendReply(501, "Option not understood.");
            }
        };
    }

    /** A command MockFtpServer has but this server must not offer (REST: it would resume from byte 0). */
    CommandHandler notOffered(String why) {
        return (command, session) -> {
            String name = command.getName().toUpperCase(Locale.ROOT); // one of MockFtpServer's, so plain letters
            once.info("not-offered-" + name, "FTP " + name + " from " + remote(session) + " answered 502: " + why);
            session.sendReply(502, "Command not implemented: " + name + " (" + why + ").");
        };
    }

    /** Unknown commands: 502, and one line the first time each is seen instead of a warning every time. */
    CommandHandler unknown() {
        return (command, session) -> {
            String name = command.getName().toUpperCase(Locale.ROOT);
            once.info("unknown-" + Untrusted.shown(name, 16), "FTP command " + Untrusted.shown(name, 16) + " from "
                    + remote(session) + " is not implemented; answered 502");
            session.sendReply(502, "Command not implemented: " + Untrusted.shown(name, 16) + ".");
        };
    }

    /** The command's path, resolved as MockFtpServer resolves it; empty (and answered) when there is none. */
    private Optional<String> requestedPath(Command command, Session session) {
        if (session.getAttribute(SessionKeys.USER_ACCOUNT) == null) {
            session.sendReply(530, "Not logged in.");
            return Optional.empty();
        }
        String name = command.getParameter(0);
        if (name == null || name.isBlank()) {
            session.sendReply(501, "Syntax error in parameters or arguments.");
            return Optional.empty();
        }
        return Optional.of(resolve(session, name));
    }

    private String resolve(Session session, String name) {
        Object directory = session.getAttribute(SessionKeys.CURRENT_DIRECTORY);
        String current = directory == null ? "/" : directory.toString();
        if (name == null) {
            return current;
        }
        return fileSystem.isAbsolute(name) ? name : fileSystem.path(current, name);
    }

    private Optional<Place> place(String path) {
        List<String> segments = FileNames.segments(path);
        if (segments.size() < 2) {
            return Optional.empty();
        }
        String fileName = String.join("/", segments.subList(2, Math.max(2, segments.size()))); // not plain if nested
        return stations.byToken(segments.get(0)).map(station -> new Place(station, segments.get(1), fileName));
    }

    private byte[] contentOf(String path) {
        FileEntry file = (FileEntry) fileSystem.getEntry(path);
        try (InputStream in = file.createInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** After a broken transfer: free the data connection, tell the station in the FTP way. */
    private static void abort(DataSession data, MockFtpServerException failure) {
        boolean opened = data.isDataOpen();
        data.closeDataConnection();
        if (opened) {
            data.replyIfConnected(426, "Connection closed; transfer aborted.");
        } else {
            data.replyIfConnected(425, "Can't open data connection: " + rootMessage(failure) + ".");
        }
    }

    private static boolean isOverLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OverLimitException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static String remote(Session session) {
        return session.getClientHost() == null ? "?" : session.getClientHost().getHostAddress();
    }
}
