package io.xp2aso.cli;

import picocli.CommandLine;

/** The subcommands, one class each; registered here so adding a command touches one line. */
final class Commands {
    private Commands() {
    }

    static void register(CommandLine cl) {
        cl.addSubcommand(new MigrateCommand(io.xp2aso.migrate.MigrationPipeline.standard()));
        cl.addSubcommand(new HandoffCommand());
        cl.addSubcommand(new MappingsCommand());
        cl.addSubcommand(new RenderCommand());
        cl.addSubcommand(ScanCommand.withBuiltInCatalog());
        cl.addSubcommand(new DiffCommand(io.xp2aso.migrate.MigrationPipeline.standard()));
        cl.addSubcommand(new TemplatesCommand());
    }
}
