using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ScribeBot.Core.Postmortem.Picture;

namespace ScribeBot.Pictures;

public static class PicturesServiceCollectionExtensions
{
    /// <summary>The timeline picture (<see cref="ITimelinePicture"/>): stateless, so one for the process.</summary>
    public static IServiceCollection AddScribePictures(this IServiceCollection services)
    {
        services.TryAddSingleton<ITimelinePicture, TimelinePicture>();
        return services;
    }
}
