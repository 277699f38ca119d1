using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Warmglow.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// Partner search (decision 0032): an FTS5 table with the trigram tokenizer holding each partner's searchable text
    /// (rowid = partner id; its name, its website, its contacts' names and e-mails), filled for the existing partners
    /// and kept in step by triggers on Partners and Contacts. Raw SQL outside the EF model, so the model snapshot is
    /// unchanged.
    /// </summary>
    public partial class SearchIndexes : Migration
    {
        static readonly string[] Triggers =
        [
            "Partners_Search_Insert", "Partners_Search_Update", "Partners_Search_Delete",
            "Contacts_Search_Insert", "Contacts_Search_Update", "Contacts_Search_Delete",
        ];

        /// <summary>The searchable text of the partners selected by <paramref name="where"/>.</summary>
        static string Fill(string where) =>
            "INSERT INTO \"PartnerSearch\" (rowid, \"Name\", \"Website\", \"Contacts\") " +
            "SELECT p.\"Id\", p.\"Name\", coalesce(p.\"Website\", ''), " +
            "coalesce((SELECT group_concat(c.\"Name\" || char(10) || coalesce(c.\"Email\", ''), char(10)) FROM \"Contacts\" AS c WHERE c.\"PartnerId\" = p.\"Id\"), '') " +
            $"FROM \"Partners\" AS p{where};";

        /// <summary>Rewrites partner <paramref name="id"/>'s row (or removes it, when the partner is gone).</summary>
        static string Refresh(string id) => $"DELETE FROM \"PartnerSearch\" WHERE rowid = {id}; " + Fill($" WHERE p.\"Id\" = {id}");

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // case_sensitive 0 folds case by Unicode rules (É = é); remove_diacritics 1 (SQLite 3.45+) also lets "ecole" find "école".
            migrationBuilder.Sql("CREATE VIRTUAL TABLE \"PartnerSearch\" USING fts5(\"Name\", \"Website\", \"Contacts\", tokenize = 'trigram case_sensitive 0 remove_diacritics 1');");
            migrationBuilder.Sql(Fill(""));
            migrationBuilder.Sql($"CREATE TRIGGER \"Partners_Search_Insert\" AFTER INSERT ON \"Partners\" BEGIN {Refresh("new.\"Id\"")} END;");
            migrationBuilder.Sql($"CREATE TRIGGER \"Partners_Search_Update\" AFTER UPDATE OF \"Name\", \"Website\" ON \"Partners\" BEGIN {Refresh("new.\"Id\"")} END;");
            migrationBuilder.Sql("CREATE TRIGGER \"Partners_Search_Delete\" AFTER DELETE ON \"Partners\" BEGIN DELETE FROM \"PartnerSearch\" WHERE rowid = old.\"Id\"; END;");
            migrationBuilder.Sql($"CREATE TRIGGER \"Contacts_Search_Insert\" AFTER INSERT ON \"Contacts\" BEGIN {Refresh("new.\"PartnerId\"")} END;");
            migrationBuilder.Sql($"CREATE TRIGGER \"Contacts_Search_Update\" AFTER UPDATE OF \"Name\", \"Email\", \"PartnerId\" ON \"Contacts\" BEGIN {Refresh("old.\"PartnerId\"")} {Refresh("new.\"PartnerId\"")} END;");
            migrationBuilder.Sql($"CREATE TRIGGER \"Contacts_Search_Delete\" AFTER DELETE ON \"Contacts\" BEGIN {Refresh("old.\"PartnerId\"")} END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var t in Triggers) migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{t}\";");
            migrationBuilder.Sql("DROP TABLE IF EXISTS \"PartnerSearch\";");
        }
    }
}
