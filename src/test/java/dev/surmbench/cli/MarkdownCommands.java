package dev.surmbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The shell command lines shown in a Markdown file's fenced code blocks, split into simple commands
 * and words the way a POSIX shell would for the plain forms documentation uses: {@code \} line
 * continuations, {@code #} comments, {@code && || ; |} separators, single and double quotes, and
 * leading {@code NAME=value} assignments (dropped). Blocks in a language other than a shell (yaml,
 * java, python, text) are not commands.
 */
final class MarkdownCommands {
    /** Fence languages whose lines are shell commands; "" is an unlabelled fence. */
    private static final Set<String> SHELL = Set.of("", "bash", "sh", "shell", "console");

    private MarkdownCommands() {}

    /** One simple command: where it is shown, the line as written, and its words without leading assignments. */
    record Command(Path file, int line, String text, List<String> words) {
        String where() {
            return file + ":" + line + ": " + text;
        }
    }

    /** A fenced block: its language, the line of its first content line and its lines. */
    record Block(String language, int line, List<String> lines) {}

    /** Every fenced block of {@code file}, in order. */
    static List<Block> blocks(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String open = lines.get(i).strip();
            if (!open.startsWith("```")) {
                continue;
            }
            String language = open.substring(3).strip().toLowerCase(java.util.Locale.ROOT);
            int start = i + 1;
            List<String> body = new ArrayList<>();
            for (i = start; i < lines.size() && !lines.get(i).strip().startsWith("```"); i++) {
                body.add(lines.get(i));
            }
            blocks.add(new Block(language, start + 1, body));
        }
        return blocks;
    }

    /** The simple commands of every shell block of {@code file}. */
    static List<Command> commands(Path file) throws IOException {
        List<Command> out = new ArrayList<>();
        for (Block b : blocks(file)) {
            if (!SHELL.contains(b.language())) {
                continue;
            }
            StringBuilder joined = new StringBuilder();
            int first = -1;
            for (int k = 0; k < b.lines().size(); k++) {
                String line = b.lines().get(k);
                if (first < 0) {
                    first = b.line() + k;
                }
                if (line.endsWith("\\")) {
                    joined.append(line, 0, line.length() - 1).append(' ');
                    continue;
                }
                joined.append(line);
                String text = joined.toString().strip();
                for (List<String> words : split(text)) {
                    out.add(new Command(file, first, text, words));
                }
                joined.setLength(0);
                first = -1;
            }
        }
        return out;
    }

    /** The simple commands of one shell line, each as its words with leading {@code NAME=value} dropped. */
    static List<List<String>> split(String line) {
        List<List<String>> commands = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
                continue;
            }
            if (c == '#' && word == null) {
                break; // a comment starts only at the beginning of a word
            }
            if (Character.isWhitespace(c) || c == ';' || c == '|' || c == '&') {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                if (!Character.isWhitespace(c)) {
                    end(commands, words);
                    words = new ArrayList<>();
                }
                continue;
            }
            word = word == null ? new StringBuilder() : word;
            word.append(c);
        }
        if (word != null) {
            words.add(word.toString());
        }
        end(commands, words);
        return commands;
    }

    private static void end(List<List<String>> commands, List<String> words) {
        int k = 0;
        while (k < words.size() && words.get(k).matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
            k++;
        }
        if (k < words.size()) {
            commands.add(List.copyOf(words.subList(k, words.size())));
        }
    }
}
