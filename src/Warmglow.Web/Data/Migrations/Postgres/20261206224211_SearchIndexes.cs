using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Warmglow.Web.Data.Migrations.Postgres
{
    /// <summary>
    /// Partner search (decision 0032): pg_trgm (a trusted extension since PostgreSQL 13: the database owner may create
    /// it) and GIN trigram indexes on the lower-cased searchable columns, which answer lower(column) LIKE '%term%'.
    /// Raw SQL outside the EF model (expression indexes with an operator class), so the model snapshot is unchanged.
    /// </summary>
    public partial class SearchIndexes : Migration
    {
        static readonly (string Table, string Column)[] Indexed =
            [("Partners", "Name"), ("Partners", "Website"), ("Contacts", "Name"), ("Contacts", "Email")];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            foreach (var (table, column) in Indexed)
                migrationBuilder.Sql($"CREATE INDEX \"IX_{table}_{column}_trgm\" ON \"{table}\" USING gin (lower(\"{column}\") gin_trgm_ops);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The extension stays: other objects may have come to use it.
            foreach (var (table, column) in Indexed)
                migrationBuilder.Sql($"DROP INDEX IF EXISTS \"IX_{table}_{column}_trgm\";");
        }
    }
}
