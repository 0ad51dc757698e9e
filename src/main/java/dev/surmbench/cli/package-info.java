/**
 * The {@code surm-bench} command line (picocli): {@link dev.surmbench.cli.Main} and one command class
 * per verb ({@link dev.surmbench.cli.RunCommand}, {@link dev.surmbench.cli.ReportCommand}, {@link
 * dev.surmbench.cli.CheckCommand}, {@link dev.surmbench.cli.EvalCommand}, {@link
 * dev.surmbench.cli.ListCommand}, …), plus the shared options {@link dev.surmbench.cli.DeviceOption} and
 * {@link dev.surmbench.cli.ShardOption}.
 *
 * <p>The top of the graph: it calls {@code suite}, {@code report}, {@code results}, {@code artifact},
 * {@code bench}, {@code model}, {@code peft}, {@code data} and {@code device}, and no other package
 * imports it. Every command delegates to a package that tests reach without the CLI.
 */
package dev.surmbench.cli;
