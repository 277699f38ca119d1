using Warmglow.Web.Features.AccountMapping;

namespace Warmglow.Web.Pages.AccountMapping;

public sealed record UploadFormView(UploadForm Input, PreviewDto? Preview, string PreviewAction);
