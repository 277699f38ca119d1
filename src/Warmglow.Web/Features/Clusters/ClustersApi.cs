using Microsoft.AspNetCore.Http.HttpResults;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Features.Clusters;

public static class ClustersApi
{
    public static void MapClustersEndpoints(this IEndpointRouteBuilder app)
    {
        // Clusters, links and the ecosystem figures are internal: partner users are refused (403) whatever they ask.
        var g = app.MapGroup("/api/clusters").WithTags("Clusters").RequireAuthorization(Policies.Internal);

        g.MapGet("", (int? page, int? pageSize, ClusterService s, CancellationToken ct) => s.ListAsync(page, pageSize, ct))
            .WithSummary("Partner clusters by name, with their members and how many characteristic checks warn; paged");
        g.MapGet("/{clusterId:int}", (int clusterId, ClusterService s, CancellationToken ct) => s.GetAsync(clusterId, ct))
            .WithSummary("One cluster: members with their part, customers and business model, the characteristic warnings, the members' partner-to-partner links and the cluster's figures (pipeline, revenue, initiatives)");
        g.MapPost("", async Task<Created<ClusterDto>> (ClusterInput input, ClusterService s, CancellationToken ct) =>
            {
                var c = await s.CreateAsync(input, ct);
                return TypedResults.Created($"/api/clusters/{c.Id}", c);
            })
            .RequireAuthorization(Policies.Manage)
            .WithSummary("Create a cluster of at least two partners; the characteristic checks come back as warnings, never refusals");
        g.MapPut("/{clusterId:int}", (int clusterId, ClusterInput input, ClusterService s, CancellationToken ct) => s.UpdateAsync(clusterId, input, ct))
            .RequireAuthorization(Policies.Manage).WithSummary("Change a cluster (its members are replaced whole); send the version you read");
        g.MapDelete("/{clusterId:int}", async Task<NoContent> (int clusterId, int? version, ClusterService s, CancellationToken ct) =>
            {
                await s.DeleteAsync(clusterId, version, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Manage).WithSummary("Delete a cluster (its partners and their links stay); with ?version= a stale version is refused");

        g.MapGet("/links", (int? partnerId, int? page, int? pageSize, ClusterService s, CancellationToken ct) => s.LinksAsync(partnerId, page, pageSize, ct))
            .WithSummary("Partner-to-partner links (integrates with, resells, co-delivers with), all or one partner's (either end); paged");
        g.MapPost("/links", async Task<Created<PartnerLinkDto>> (PartnerLinkInput input, ClusterService s, CancellationToken ct) =>
            {
                var l = await s.CreateLinkAsync(input, ct);
                return TypedResults.Created($"/api/clusters/links/{l.Id}", l);
            })
            .RequireAuthorization(Policies.Manage).WithSummary("Record that one partner integrates with, resells or co-delivers with another partner of the workspace");
        g.MapDelete("/links/{linkId:int}", async Task<NoContent> (int linkId, ClusterService s, CancellationToken ct) =>
            {
                await s.DeleteLinkAsync(linkId, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Manage).WithSummary("Remove a partner-to-partner link");

        g.MapGet("/ecosystem", (EcosystemService s, CancellationToken ct) => s.GetAsync(ct))
            .WithSummary("The ecosystem dashboard's figures for the last 8 quarters: new partners and partnerships, activity, revenue, initiatives done, partnerships ended; diversity by industry, region and type");
    }
}
